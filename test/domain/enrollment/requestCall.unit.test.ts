import { expect } from 'chai';
import { enrollmentDecider } from '../../../domain/enrollment/decider.ts';
import type { EnrollmentEvent } from '../../../domain/enrollment/events.ts';
import { ConcurrencyError, IllegalStateError } from '../../../domain/errors.ts';
import { deciderSpecification } from '../../support/deciderSpecification.ts';
import { at, campaignId, contactId, ended, request, requested, scheduled } from './enrollmentFixtures.ts';

const spec = deciderSpecification(enrollmentDecider);
const completed: EnrollmentEvent = { type: 'ContactMarkedCompleted', data: { campaignId, contactId, at } };
const allCalls: EnrollmentEvent = { type: 'ContactCompletedAllCalls', data: { campaignId, contactId, at } };

describe('enrollment: requesting a call', () => {
  it('requests the first attempt of a contact enrolled by the launch, with the decision it was made on', () =>
    spec.given([]).when(request('call-1')).then([requested('call-1')]));

  it('counts attempts within a run and starts again in the next run', () => {
    const retry = scheduled('2026-03-02T16:00:00.000Z', 'retry_after_no_answer', 0);
    spec.given([requested('call-1'), ended('call-1', 'no_answer'), retry]).when(request('call-2', { requestedAt: '2026-03-02T16:00:00.000Z' })).then([requested('call-2', 2, 0, '2026-03-02T16:00:00.000Z')]);
    spec.given([requested('call-1'), ended('call-1', 'answered'), scheduled(at, 'next_run', 1)]).when(request('call-2', { run: 1 })).then([requested('call-2', 1, 1)]);
  });

  it('refuses while an earlier call of the contact is still open', () =>
    spec.given([requested('call-1')]).when(request('call-2')).thenThrows(IllegalStateError, /call-1 of attempt 1 is still open/, 'ENROLLMENT.CALL_OPEN'));

  it('refuses unless the campaign is ACTIVE', () => {
    for (const campaignStatus of ['PAUSED', 'COMPLETED', 'DRAFT'] as const)
      spec.given([]).when(request('call-1', { campaignStatus })).thenThrows(IllegalStateError, new RegExp(campaignStatus), 'ENROLLMENT.CAMPAIGN_NOT_ACTIVE');
  });

  it('refuses a completed contact and a contact completed for calls', () => {
    spec.given([completed]).when(request('call-1')).thenThrows(IllegalStateError, /completed/, 'ENROLLMENT.COMPLETED');
    spec.given([allCalls]).when(request('call-1')).thenThrows(IllegalStateError, /no more calls/, 'ENROLLMENT.CALLS_COMPLETED');
  });

  it('refuses an attempt before it is due, and when none is planned', () => {
    spec.given([requested('call-1'), ended('call-1', 'busy'), scheduled('2026-03-02T16:00:00.000Z', 'retry_after_busy')]).when(request('call-2')).thenThrows(IllegalStateError, /due at 2026-03-02T16:00/, 'ENROLLMENT.NOT_DUE');
    spec.given([requested('call-1'), ended('call-1', 'answered')]).when(request('call-2')).thenThrows(IllegalStateError, undefined, 'ENROLLMENT.NOTHING_DUE');
  });

  it('refuses when the stream moved past the revision the dispatcher saw', () => {
    spec.given([]).when(request('call-1', { expectedRevision: -1 })).then([requested('call-1')]);
    spec.given([requested('call-1'), ended('call-1', 'busy'), scheduled(at, 'retry_after_busy')]).when(request('call-2', { expectedRevision: 1 })).thenThrows(ConcurrencyError);
  });

  it('resumes a completed contact, which is then due at once', () =>
    spec.given([completed]).when({ type: 'ResumeOutreach', data: { campaignId, contactId, at } }).thenState((state) => expect(state).to.deep.include({ status: 'ACTIVE', nextAttemptAt: at })));

  it('withholds calls (an opt-out) until outreach resumes', () => {
    const withheld: EnrollmentEvent = { type: 'CallsWithheld', data: { campaignId, contactId, reason: 'opted_out', at } };
    spec.given([]).when({ type: 'WithholdCalls', data: { campaignId, contactId, at, reason: 'opted_out' } }).then([withheld]);
    spec.given([withheld]).when(request('call-1')).thenThrows(IllegalStateError, undefined, 'ENROLLMENT.NOTHING_DUE');
    spec.given([withheld]).when({ type: 'ResumeOutreach', data: { campaignId, contactId, at } }).then([{ type: 'ContactOutreachResumed', data: { campaignId, contactId, at } }]);
  });

  it('reschedules a contact outside its window to the next opening', () => {
    const opening = '2026-03-03T14:00:00.000Z';
    spec.given([]).when({ type: 'RescheduleCall', data: { campaignId, contactId, at, nextAt: opening, reason: 'outside_calling_window' } }).then([scheduled(opening, 'outside_calling_window')]);
    spec.given([requested('call-1')]).when({ type: 'RescheduleCall', data: { campaignId, contactId, at, nextAt: opening, reason: 'outside_calling_window' } }).thenThrows(IllegalStateError, undefined, 'ENROLLMENT.CALL_OPEN');
  });

  it("keeps the contact's own time the window was judged at, so the refusal explains itself", () => {
    const opening = '2026-03-03T14:00:00.000Z';
    const localTime = '2026-03-02T22:30:00.000-06:00';
    spec
      .given([])
      .when({ type: 'RescheduleCall', data: { campaignId, contactId, at, nextAt: opening, reason: 'outside_federal_hours', localTime } })
      .then([{ type: 'NextAttemptScheduled', data: { campaignId, contactId, at: opening, reason: 'outside_federal_hours', localTime } }]);
  });

  it('marks completed and completed for calls once; Completed is never weakened to Completed (All Calls)', () => {
    spec.given([]).when({ type: 'MarkContactCompleted', data: { campaignId, contactId, at } }).then([completed]);
    spec.given([completed]).when({ type: 'MarkContactCompleted', data: { campaignId, contactId, at } }).then([]);
    spec.given([]).when({ type: 'CompleteAllCalls', data: { campaignId, contactId, at } }).then([allCalls]);
    spec.given([completed]).when({ type: 'CompleteAllCalls', data: { campaignId, contactId, at } }).then([]);
  });
});
