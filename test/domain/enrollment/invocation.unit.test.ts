import { expect } from 'chai';
import { enrollmentDecider } from '../../../domain/enrollment/decider.ts';
import type { EnrollmentCommand } from '../../../domain/enrollment/commands.ts';
import type { EnrollmentEvent } from '../../../domain/enrollment/events.ts';
import { invocationSkipOf } from '../../../domain/enrollment/invocation.ts';
import { deciderSpecification } from '../../support/deciderSpecification.ts';
import { at, campaignId, contactId, dispatch, ended, requested, scheduled } from './enrollmentFixtures.ts';

const spec = deciderSpecification(enrollmentDecider);

const runs = [
  { index: 0, start: '2026-03-02T14:00:00.000Z' },
  { index: 2, start: '2026-03-09T14:00:00.000Z' },
];
const invoke = (when = at, voiceRuns = runs): EnrollmentCommand => ({
  type: 'InvokeOutreach',
  data: { campaignId, contactId, at: when, invocationId: 'inv-1', voiceRuns },
});
const invoked = (when: string, run: number): EnrollmentEvent => ({
  type: 'ContactInvoked',
  data: { campaignId, contactId, invocationId: 'inv-1', at: when, run },
});
const withheld = (reason: string): EnrollmentEvent => ({
  type: 'CallsWithheld',
  data: { campaignId, contactId, reason, at },
});

describe('a contact made due by an external invocation', () => {
  it('given a contact never called, when invoked during the first run, then it is due now in that run', () =>
    spec
      .given([])
      .when(invoke())
      .then([invoked(at, 0)]));

  it('counts the call in the run calling now', () =>
    spec
      .given([])
      .when(invoke('2026-03-10T15:00:00.000Z'))
      .then([invoked('2026-03-10T15:00:00.000Z', 2)]));

  it('before any run has started, brings the first run forward for this contact', () =>
    spec
      .given([])
      .when(invoke('2026-03-01T15:00:00.000Z'))
      .then([invoked('2026-03-01T15:00:00.000Z', 0)]));

  it('makes due now a contact waiting for a retry, or with nothing more planned once the runs are over', () => {
    spec
      .given([
        requested('c1'),
        ended('c1', 'no_answer'),
        scheduled('2026-03-02T18:00:00.000Z', 'retry_after_no_answer', 0),
      ])
      .when(invoke())
      .then([invoked(at, 0)]);
    const over = '2026-03-20T15:00:00.000Z';
    spec
      .given([requested('c1'), ended('c1', 'answered')])
      .when(invoke(over))
      .then([invoked(over, 2)]);
  });

  it('lets the dispatcher request the call at once', () =>
    spec
      .given([requested('c1'), ended('c1', 'answered'), invoked('2026-03-02T16:00:00.000Z', 0)])
      .when(dispatch('c2', { at: '2026-03-02T16:00:00.000Z' }))
      .then([requested('c2', 2, 0, '2026-03-02T16:00:00.000Z', '2026-03-02T10:00:00.000-06:00')]));

  const skips: [string, EnrollmentEvent[], string][] = [
    ['completed', [{ type: 'ContactMarkedCompleted', data: { campaignId, contactId, at } }], 'completed'],
    [
      'completed for calls',
      [{ type: 'ContactCompletedAllCalls', data: { campaignId, contactId, at } }],
      'calls_completed',
    ],
    ['opted out', [withheld('opted_out')], 'opted_out'],
    ['without any calling window', [withheld('no_calling_window:state_rule')], 'no_calling_window'],
    ['withheld for another reason', [withheld('carrier_blocked')], 'calls_withheld'],
    ['on a call now', [requested('c1')], 'call_in_progress'],
  ];
  for (const [what, history, reason] of skips)
    it(`skips a contact ${what} (${reason}), recording nothing`, () => {
      spec.given(history).when(invoke()).then([]);
      expect(invocationSkipOf(history.reduce(enrollmentDecider.evolve, enrollmentDecider.initialState()))).to.equal(
        reason,
      );
    });
});
