import { callDecider } from '../../../domain/call/decider.ts';
import type { CallEvent } from '../../../domain/call/events.ts';
import { deciderSpecification } from '../../support/deciderSpecification.ts';

const spec = deciderSpecification(callDecider);
const callId = 'call-1';
const about = { callId, campaignId: 'c', contactId: 'p' };
const at = '2026-03-02T15:03:00.000Z';
const placed: CallEvent = {
  type: 'CallPlaced',
  data: { ...about, carrierCallId: 'CA1', placedAt: '2026-03-02T15:00:00.000Z' },
};
const answers = (values: Record<string, string | number | boolean | null>) => ({
  type: 'RecordFormAnswers' as const,
  data: { ...about, at, answers: values },
});
const recorded = (values: Record<string, string | number | boolean | null>): CallEvent => ({
  type: 'FormAnswersRecorded',
  data: { ...about, at, answers: values },
});
const summary = (text: string) => ({ type: 'RecordCallSummary' as const, data: { ...about, at, summary: text } });
const summarised = (text: string): CallEvent => ({
  type: 'CallSummaryRecorded',
  data: { ...about, at, summary: text },
});

describe('call: what the agent reports', () => {
  it('records form answers once: a repeat records nothing, a later report only what it changes', () => {
    spec
      .given([placed])
      .when(answers({ injured: true, clinic: 'North' }))
      .then([recorded({ injured: true, clinic: 'North' })]);
    spec
      .given([placed, recorded({ injured: true, clinic: 'North' })])
      .when(answers({ injured: true, clinic: 'North' }))
      .then([]);
    spec
      .given([placed, recorded({ injured: true, clinic: 'North' })])
      .when(answers({ injured: true, clinic: 'South', age: 41 }))
      .then([recorded({ clinic: 'South', age: 41 })]);
  });

  it('records an answer cleared to null, and answers before the placement is known', () => {
    spec
      .given([recorded({ clinic: 'North' })])
      .when(answers({ clinic: null }))
      .then([recorded({ clinic: null })]);
    spec
      .given([])
      .when(answers({ clinic: 'North' }))
      .then([recorded({ clinic: 'North' })]);
  });

  it('records a summary once, and a changed summary again', () => {
    spec
      .given([placed])
      .when(summary('Wants a callback Tuesday.'))
      .then([summarised('Wants a callback Tuesday.')]);
    spec
      .given([placed, summarised('Wants a callback Tuesday.')])
      .when(summary('Wants a callback Tuesday.'))
      .then([]);
    spec
      .given([placed, summarised('Wants a callback Tuesday.')])
      .when(summary('Wants a callback Wednesday.'))
      .then([summarised('Wants a callback Wednesday.')]);
  });
});
