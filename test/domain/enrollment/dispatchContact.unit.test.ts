import { enrollmentDecider } from '../../../domain/enrollment/decider.ts';
import type { DispatchContact, WindowFact } from '../../../domain/enrollment/commands.ts';
import type { EnrollmentEvent } from '../../../domain/enrollment/events.ts';
import { IllegalStateError, ValidationError } from '../../../domain/errors.ts';
import { deciderSpecification } from '../../support/deciderSpecification.ts';
import {
  at,
  campaignId,
  contactId,
  decision,
  dispatch,
  ended,
  phone,
  requested,
  scheduled,
} from './enrollmentFixtures.ts';

const spec = deciderSpecification(enrollmentDecider);
const completed: EnrollmentEvent = { type: 'ContactMarkedCompleted', data: { campaignId, contactId, at } };
const allCalls: EnrollmentEvent = { type: 'ContactCompletedAllCalls', data: { campaignId, contactId, at } };
const invoked = (when: string): EnrollmentEvent => ({
  type: 'ContactInvoked',
  data: { campaignId, contactId, invocationId: 'inv-1', at: when, run: 0 },
});
const withheld = (reason: string): EnrollmentEvent => ({
  type: 'CallsWithheld',
  data: { campaignId, contactId, reason, at },
});

/** Tuesday 08:00 in Chicago, when the window opens again. */
const opening = '2026-03-03T14:00:00.000Z';
const lateEvening = '2026-03-02T22:30:00.000-06:00';

/** A due contact the window turned away: consent is not read past a closed window. */
const outside = (
  window: Extract<WindowFact, { open: false }>,
  extra: Partial<DispatchContact['data']> = {},
): DispatchContact => {
  const { optedOut: _unread, ...data } = dispatch('call-1', extra).data;
  return { type: 'DispatchContact', data: { ...data, window } };
};
const noCapacity = { ...decision.capacity, available: 0 };

describe('enrollment: dispatching a due contact', () => {
  describe('inside its calling window, not opted out, with capacity left', () => {
    it('requests the call, recording what it was decided on: local time and zone, the opening, the capacity', () =>
      spec
        .given([])
        .when(dispatch('call-1'))
        .then([requested('call-1')]));

    it('counts attempts within a run and starts again in the next run', () => {
      const retry = scheduled('2026-03-02T16:00:00.000Z', 'retry_after_no_answer', 0);
      spec
        .given([requested('call-1'), ended('call-1', 'no_answer'), retry])
        .when(dispatch('call-2', { at: '2026-03-02T16:00:00.000Z' }))
        .then([requested('call-2', 2, 0, '2026-03-02T16:00:00.000Z', '2026-03-02T10:00:00.000-06:00')]);
      spec
        .given([requested('call-1'), ended('call-1', 'answered'), scheduled(at, 'next_run', 1)])
        .when(dispatch('call-2', { run: 1 }))
        .then([requested('call-2', 1, 1)]);
    });

    it('calls a contact an invocation made due now, ahead of a retry planned later or when nothing more was planned', () => {
      const laterRetry = scheduled('2026-03-02T18:00:00.000Z', 'retry_after_busy', 0);
      spec
        .given([requested('call-1'), ended('call-1', 'busy'), laterRetry, invoked(at)])
        .when(dispatch('call-2'))
        .then([requested('call-2', 2)]);
      spec
        .given([requested('call-1'), ended('call-1', 'answered'), invoked(at)])
        .when(dispatch('call-2'))
        .then([requested('call-2', 2)]);
    });

    it('records no opening the window policy did not name', () =>
      spec
        .given([])
        .when(dispatch('call-1', { window: { open: true } }))
        .then([
          {
            type: 'CallRequested',
            data: {
              campaignId,
              contactId,
              callId: 'call-1',
              attempt: 1,
              run: 0,
              to: phone,
              requestedAt: at,
              decision: { ...decision, window: {} },
            },
          },
        ]));
  });

  describe('outside its calling window', () => {
    it("waits for the window's next opening, with the window's reason and the contact's own time", () =>
      spec
        .given([])
        .when(outside({ open: false, reason: 'outside_federal_hours', localTime: lateEvening, nextOpening: opening }))
        .then([
          {
            type: 'NextAttemptScheduled',
            data: { campaignId, contactId, at: opening, reason: 'outside_federal_hours', localTime: lateEvening },
          },
        ]));

    for (const reason of ['sunday', 'state_holiday', 'outside_state_hours', 'outside_campaign_slots', 'blackout'])
      it(`waits for the next opening when the window is closed for ${reason}`, () =>
        spec
          .given([])
          .when(outside({ open: false, reason, nextOpening: opening }))
          .then([scheduled(opening, reason)]));

    it('waits until the frequency cap lets another call through, once the person was called as often as the cap allows', () =>
      spec
        .given([])
        .when(outside({ open: false, reason: 'frequency_cap', nextOpening: '2026-03-03T15:00:00.000Z' }))
        .then([scheduled('2026-03-03T15:00:00.000Z', 'frequency_cap')]));

    it("withholds calls when no opening comes within the policy's horizon, naming the window's reason", () => {
      const none = outside({ open: false, reason: 'outside_state_hours', localTime: lateEvening });
      spec
        .given([])
        .when(none)
        .then([withheld('no_calling_window:outside_state_hours')]);
      spec
        .given([withheld('no_calling_window:outside_state_hours')])
        .when(dispatch('call-1'))
        .thenThrows(IllegalStateError, undefined, 'ENROLLMENT.NOTHING_DUE');
    });

    it('is answered by its window before its consent', () =>
      spec
        .given([])
        .when(dispatch('call-1', { window: { open: false, reason: 'sunday', nextOpening: opening }, optedOut: true }))
        .then([scheduled(opening, 'sunday')]));
  });

  describe('opted out', () => {
    it('withholds calls as opted_out, until outreach resumes', () => {
      spec
        .given([])
        .when(dispatch('call-1', { optedOut: true }))
        .then([withheld('opted_out')]);
      spec
        .given([withheld('opted_out')])
        .when(dispatch('call-1'))
        .thenThrows(IllegalStateError, undefined, 'ENROLLMENT.NOTHING_DUE');
      spec
        .given([withheld('opted_out')])
        .when({ type: 'ResumeOutreach', data: { campaignId, contactId, at } })
        .then([{ type: 'ContactOutreachResumed', data: { campaignId, contactId, at } }]);
    });

    it('withholds calls of a campaign that is no longer ACTIVE too', () =>
      spec
        .given([])
        .when(dispatch('call-1', { optedOut: true, campaignStatus: 'PAUSED' }))
        .then([withheld('opted_out')]));

    it('never calls before consent has been read, and records nothing', () => {
      const { optedOut: _unread, ...data } = dispatch('call-1').data;
      spec
        .given([])
        .when({ type: 'DispatchContact', data })
        .thenThrows(ValidationError, /consent/, 'ENROLLMENT.CONSENT_UNREAD');
    });
  });

  describe('with no capacity left', () => {
    it('records nothing, inside its window or outside it: the contact stays due', () => {
      spec
        .given([])
        .when(dispatch('call-1', { capacity: noCapacity }))
        .then([]);
      spec
        .given([])
        .when(outside({ open: false, reason: 'sunday', nextOpening: opening }, { capacity: noCapacity }))
        .then([]);
    });
  });

  describe("refused by the contact's own record: another dispatcher or a report got there first", () => {
    const everyOutcome: [string, DispatchContact][] = [
      ['a call', dispatch('call-2')],
      ['a later attempt', outside({ open: false, reason: 'sunday', nextOpening: opening })],
      ['withheld calls', dispatch('call-2', { optedOut: true })],
    ];
    for (const [what, command] of everyOutcome)
      it(`refuses ${what} while an earlier call of the contact is still open, or once it is completed`, () => {
        spec
          .given([requested('call-1')])
          .when(command)
          .thenThrows(IllegalStateError, /call-1 of attempt 1 is still open/, 'ENROLLMENT.CALL_OPEN');
        spec
          .given([completed])
          .when(command)
          .thenThrows(IllegalStateError, /completed/, 'ENROLLMENT.COMPLETED');
        spec
          .given([allCalls])
          .when(command)
          .thenThrows(IllegalStateError, /no more calls/, 'ENROLLMENT.CALLS_COMPLETED');
      });

    it('refuses a call unless the campaign is ACTIVE', () => {
      for (const campaignStatus of ['PAUSED', 'COMPLETED', 'DRAFT'] as const)
        spec
          .given([])
          .when(dispatch('call-1', { campaignStatus }))
          .thenThrows(IllegalStateError, new RegExp(campaignStatus), 'ENROLLMENT.CAMPAIGN_NOT_ACTIVE');
    });

    it('refuses an attempt before it is due, and when none is planned', () => {
      spec
        .given([
          requested('call-1'),
          ended('call-1', 'busy'),
          scheduled('2026-03-02T16:00:00.000Z', 'retry_after_busy'),
        ])
        .when(dispatch('call-2'))
        .thenThrows(IllegalStateError, /due at 2026-03-02T16:00/, 'ENROLLMENT.NOT_DUE');
      spec
        .given([requested('call-1'), ended('call-1', 'answered')])
        .when(dispatch('call-2'))
        .thenThrows(IllegalStateError, undefined, 'ENROLLMENT.NOTHING_DUE');
    });
  });
});
