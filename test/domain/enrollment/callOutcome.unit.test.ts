import { expect } from 'chai';
import { enrollmentDecider } from '../../../domain/enrollment/decider.ts';
import type { EnrollmentCommand } from '../../../domain/enrollment/commands.ts';
import type { CallOutcome } from '../../../domain/call/outcome.ts';
import { deciderSpecification } from '../../support/deciderSpecification.ts';
import { at, campaignId, contactId, ended, requested, scheduled } from './enrollmentFixtures.ts';

const spec = deciderSpecification(enrollmentDecider);
const voiceRuns = [
  { index: 0, start: '2026-03-02T13:00:00.000Z' },
  { index: 2, start: '2026-03-09T13:00:00.000Z' },
];
const outcome = (
  callId: string,
  result: CallOutcome,
  extra: Partial<Extract<EnrollmentCommand, { type: 'RecordCallOutcome' }>['data']> = {},
): EnrollmentCommand => ({
  type: 'RecordCallOutcome',
  data: {
    campaignId,
    contactId,
    callId,
    outcome: result,
    endedAt: at,
    retry: { maxAttempts: 3, intervalMinutes: 30 },
    voiceRuns,
    ...extra,
  },
});

describe('enrollment: a call ends', () => {
  for (const result of ['no_answer', 'busy', 'voicemail', 'failed'] as const)
    it(`retries after ${result} once the campaign's interval has passed`, () =>
      spec
        .given([requested('call-1')])
        .when(outcome('call-1', result))
        .then([ended('call-1', result), scheduled('2026-03-02T15:30:00.000Z', `retry_after_${result}`, 0)]));

  it('moves to the next run that calls once the attempts of a run are used up', () =>
    spec
      .given([requested('call-1', 3)])
      .when(outcome('call-1', 'no_answer'))
      .then([ended('call-1', 'no_answer', 3), scheduled('2026-03-09T13:00:00.000Z', 'next_run', 2)]));

  it('moves an answered or transferred contact on to the next run, not a retry', () => {
    spec
      .given([requested('call-1')])
      .when(outcome('call-1', 'answered'))
      .then([ended('call-1', 'answered'), scheduled('2026-03-09T13:00:00.000Z', 'next_run', 2)]);
    spec
      .given([requested('call-1')])
      .when(outcome('call-1', 'transferred'))
      .then([ended('call-1', 'transferred'), scheduled('2026-03-09T13:00:00.000Z', 'next_run', 2)]);
  });

  it('plans nothing after the last run, nor after an opt-out', () => {
    spec
      .given([requested('call-1', 1, 2)])
      .when(outcome('call-1', 'answered'))
      .then([ended('call-1', 'answered', 1, 2)]);
    spec
      .given([requested('call-1')])
      .when(outcome('call-1', 'opted_out'))
      .then([ended('call-1', 'opted_out')]);
  });

  it('uses one attempt and no retry when the campaign sets no retry', () =>
    spec
      .given([requested('call-1', 1, 2)])
      .when(outcome('call-1', 'busy', { retry: undefined }))
      .then([ended('call-1', 'busy', 1, 2)]));

  it('records an outcome once: a second report of the same end, or of another call, records nothing', () => {
    spec
      .given([requested('call-1'), ended('call-1', 'busy')])
      .when(outcome('call-1', 'busy'))
      .then([]);
    spec
      .given([requested('call-1')])
      .when(outcome('call-0', 'busy'))
      .then([]);
  });

  it('ends the attempt of a contact completed meanwhile without planning another', () =>
    spec
      .given([requested('call-1'), { type: 'ContactMarkedCompleted', data: { campaignId, contactId, at } }])
      .when(outcome('call-1', 'no_answer'))
      .then([ended('call-1', 'no_answer')]));

  it('releases a request the carrier never heard of without counting the attempt', () => {
    spec
      .given([requested('call-1')])
      .when({
        type: 'ReleaseCallRequest',
        data: { campaignId, contactId, callId: 'call-1', reason: 'not_at_carrier', at },
      })
      .thenState((state) => expect(state).to.deep.include({ attemptsInRun: 0, totalAttempts: 0, nextAttemptAt: at }));
    spec
      .given([requested('call-1')])
      .when({
        type: 'ReleaseCallRequest',
        data: { campaignId, contactId, callId: 'call-9', reason: 'not_at_carrier', at },
      })
      .then([]);
  });
});
