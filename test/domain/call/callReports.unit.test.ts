import fc from 'fast-check';
import { expect } from 'chai';
import { callDecider } from '../../../domain/call/decider.ts';
import type { CallEvent } from '../../../domain/call/events.ts';
import type { CallReport, CallProgress } from '../../../domain/call/reports.ts';
import { IllegalStateError, ValidationError } from '../../../domain/errors.ts';
import { OTHER_CARRIER_CALL } from '../../../domain/call/carrierCallBinding.ts';
import { deciderSpecification } from '../../support/deciderSpecification.ts';

const spec = deciderSpecification(callDecider);
const callId = 'call-1';
const carrierCallId = 'CA123';
const placed: CallEvent = {
  type: 'CallPlaced',
  data: { callId, campaignId: 'c', contactId: 'p', carrierCallId, placedAt: '2026-03-02T15:00:00.000Z' },
};
const report = (progress: CallProgress, extra: Partial<CallReport> = {}): CallReport => ({
  callId,
  carrierCallId,
  progress,
  reportedAt: '2026-03-02T15:01:00.000Z',
  ...extra,
});
const apply = (r: CallReport) => ({ type: 'ApplyCallReport' as const, data: { callId, report: r } });
const progressed = (progress: CallProgress): CallEvent => ({
  type: 'CallProgressed',
  data: { callId, carrierCallId, progress, reportedAt: '2026-03-02T15:01:00.000Z' },
});
const completedAs = (
  outcome: Extract<CallEvent, { type: 'CallCompleted' }>['data']['outcome'],
  progress: CallProgress,
  extra: object = {},
): CallEvent => ({
  type: 'CallCompleted',
  data: { callId, carrierCallId, outcome, progress, durationSeconds: 0, endedAt: '2026-03-02T15:01:00.000Z', ...extra },
});

describe('call: status reports', () => {
  it('records placement once', () => {
    const command = {
      type: 'RecordCallPlaced' as const,
      data: { callId, campaignId: 'c', contactId: 'p', carrierCallId, placedAt: '2026-03-02T15:00:00.000Z' },
    };
    spec.given([]).when(command).then([placed]);
    spec.given([placed]).when(command).then([]);
  });

  it('records progress that moves the call forward', () =>
    spec
      .given([placed, progressed('initiated')])
      .when(apply(report('ringing')))
      .then([progressed('ringing')]));

  it('ignores duplicates and late reports: a ringing after completed changes nothing', () => {
    spec
      .given([placed, progressed('ringing')])
      .when(apply(report('ringing')))
      .then([]);
    spec
      .given([placed, progressed('in_progress')])
      .when(apply(report('ringing')))
      .then([]);
    spec
      .given([placed, completedAs('answered', 'completed')])
      .when(apply(report('ringing')))
      .then([]);
    spec
      .given([placed, completedAs('answered', 'completed')])
      .when(apply(report('completed')))
      .then([]);
  });

  it('remembers who answered from the answering report, so a machine answer ends as a voicemail', () => {
    const machineAnswered: CallEvent = {
      type: 'CallProgressed',
      data: {
        callId,
        carrierCallId,
        progress: 'in_progress',
        reportedAt: '2026-03-02T15:01:00.000Z',
        answeredBy: 'machine',
      },
    };
    spec
      .given([placed])
      .when(apply(report('in_progress', { answeredBy: 'machine' })))
      .then([machineAnswered]);
    spec
      .given([placed, machineAnswered])
      .when(apply(report('completed', { durationSeconds: 20 })))
      .then([completedAs('voicemail', 'completed', { durationSeconds: 20, answeredBy: 'machine' })]);
  });

  it('maps the final status to an outcome: answered, voicemail, busy, no answer, failed', () => {
    spec
      .given([placed])
      .when(apply(report('completed', { answeredBy: 'human', durationSeconds: 42 })))
      .then([completedAs('answered', 'completed', { durationSeconds: 42, answeredBy: 'human' })]);
    spec
      .given([placed])
      .when(apply(report('completed', { answeredBy: 'machine' })))
      .then([completedAs('voicemail', 'completed', { answeredBy: 'machine' })]);
    spec
      .given([placed])
      .when(apply(report('busy')))
      .then([completedAs('busy', 'busy')]);
    spec
      .given([placed])
      .when(apply(report('no_answer')))
      .then([completedAs('no_answer', 'no_answer')]);
    spec
      .given([placed])
      .when(apply(report('canceled')))
      .then([completedAs('failed', 'canceled')]);
  });

  it('takes the outcome from a transfer or an in-call opt-out the agent reported', () => {
    const transferred: CallEvent = {
      type: 'CallTransferred',
      data: { callId, at: '2026-03-02T15:00:30.000Z', to: '+15557654321', campaignId: 'c', contactId: 'p' },
    };
    spec
      .given([placed])
      .when({ type: 'RecordTransfer', data: { callId, at: '2026-03-02T15:00:30.000Z', to: '+15557654321' } })
      .then([transferred]);
    spec
      .given([placed, transferred])
      .when(apply(report('completed')))
      .then([completedAs('transferred', 'completed')]);
    const optOut: CallEvent = { type: 'CallOptOutRequested', data: { callId, at: '2026-03-02T15:00:30.000Z' } };
    spec
      .given([placed, optOut])
      .when(apply(report('completed')))
      .then([completedAs('opted_out', 'completed')]);
  });

  it('keeps the recording URL once, even when it comes on a repeated final report', () => {
    const url = 'https://api.twilio.com/recordings/RE1';
    spec
      .given([placed, completedAs('answered', 'completed')])
      .when(apply(report('completed', { recordingUrl: url })))
      .then([{ type: 'RecordingAvailable', data: { callId, url } }]);
    spec
      .given([placed, completedAs('answered', 'completed'), { type: 'RecordingAvailable', data: { callId, url } }])
      .when(apply(report('completed', { recordingUrl: url })))
      .then([]);
  });

  it('accepts reports that arrive before the placement is recorded', () =>
    spec
      .given([])
      .when(apply(report('ringing')))
      .then([progressed('ringing')]));

  it("refuses another call's report", () =>
    spec
      .given([placed])
      .when(apply({ ...report('ringing'), callId: 'call-2' }))
      .thenThrows(ValidationError));

  it("refuses a report naming another carrier call than the placement's, whatever its status", () => {
    for (const progress of ['ringing', 'completed', 'failed'] as const)
      spec
        .given([placed])
        .when(apply(report(progress, { carrierCallId: 'CA999' })))
        .thenThrows(IllegalStateError, undefined, OTHER_CARRIER_CALL);
    spec
      .given([placed, progressed('ringing')])
      .when(apply(report('completed', { carrierCallId: 'CAother-call-0001' })))
      .thenThrows(IllegalStateError, /CAot…0001/, OTHER_CARRIER_CALL);
  });

  it('binds a call to the first carrier id reported before its placement, and refuses another one after', () => {
    spec
      .given([progressed('ringing')])
      .when(apply(report('completed', { carrierCallId: 'CA999' })))
      .thenThrows(IllegalStateError, undefined, OTHER_CARRIER_CALL);
    spec
      .given([progressed('ringing')])
      .when(apply(report('busy')))
      .then([completedAs('busy', 'busy')]);
  });

  it("takes the placement's carrier id over one a report bound first: the carrier's answer to our dial names our call", () => {
    const placedAs: CallEvent = {
      type: 'CallPlaced',
      data: {
        ...(placed.data as { callId: string; campaignId: string; contactId: string; placedAt: string }),
        carrierCallId: 'CA456',
      },
    };
    spec
      .given([progressed('ringing')])
      .when({
        type: 'RecordCallPlaced',
        data: { callId, campaignId: 'c', contactId: 'p', carrierCallId: 'CA456', placedAt: '2026-03-02T15:00:00.000Z' },
      })
      .then([placedAs]);
    spec
      .given([progressed('ringing'), placedAs])
      .when(apply(report('completed')))
      .thenThrows(IllegalStateError, undefined, OTHER_CARRIER_CALL);
    spec
      .given([progressed('ringing'), placedAs])
      .when(apply(report('busy', { carrierCallId: 'CA456' })))
      .then([
        {
          ...completedAs('busy', 'busy'),
          data: { ...completedAs('busy', 'busy').data, carrierCallId: 'CA456' },
        } as CallEvent,
      ]);
  });

  it('ends in the same state whatever order and however often the reports arrive', () => {
    const reports: CallReport[] = [
      report('queued'),
      report('initiated'),
      report('ringing'),
      report('in_progress'),
      report('completed', { answeredBy: 'human', durationSeconds: 30, recordingUrl: 'https://r/1' }),
    ];
    const final = (order: readonly CallReport[]) => {
      let state = callDecider.initialState();
      const events: CallEvent[] = [];
      for (const r of order) {
        const decided = callDecider.decide(apply(r), state);
        for (const e of Array.isArray(decided) ? decided : [decided])
          (events.push(e), (state = callDecider.evolve(state, e)));
      }
      return {
        state,
        completions: events.filter((e) => e.type === 'CallCompleted').length,
        recordings: events.filter((e) => e.type === 'RecordingAvailable').length,
      };
    };
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...reports), { minLength: 1, maxLength: 15 }), (order) => {
        const withFinal = [...order, reports[4]!];
        const { state, completions, recordings } = final(withFinal);
        expect(state).to.deep.include({ progress: 'completed', outcome: 'answered', recordingUrl: 'https://r/1' });
        expect(completions).to.equal(1);
        expect(recordings).to.equal(1);
      }),
    );
  });
});
