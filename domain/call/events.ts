import * as t from 'io-ts';
import { eventDefinitions, type EventsOf } from '../events/eventCodecs.ts';
import { CallOutcome } from '../campaign/draft.ts';

export const CallProgressCodec = t.keyof({
  queued: null,
  initiated: null,
  ringing: null,
  in_progress: null,
  completed: null,
  busy: null,
  no_answer: null,
  failed: null,
  canceled: null,
});

export const AnsweredByCodec = t.keyof({ human: null, machine: null, unknown: null });

const call = { callId: t.string };

export const callEvents = {
  /** The carrier took the call; `reconciled` when found at the carrier after a restart rather than answered by it. */
  CallPlaced: t.intersection([
    t.type({ ...call, campaignId: t.string, contactId: t.string, carrierCallId: t.string, placedAt: t.string }),
    t.partial({ reconciled: t.boolean }),
  ]),
  CallProgressed: t.intersection([
    t.type({ ...call, carrierCallId: t.string, progress: CallProgressCodec, reportedAt: t.string }),
    t.partial({ sequence: t.number }),
  ]),
  CallCompleted: t.intersection([
    t.type({ ...call, carrierCallId: t.string, outcome: CallOutcome, progress: CallProgressCodec, durationSeconds: t.number, endedAt: t.string }),
    t.partial({ answeredBy: AnsweredByCodec }),
  ]),
  RecordingAvailable: t.type({ ...call, url: t.string }),
  CallTransferred: t.intersection([t.type({ ...call, at: t.string }), t.partial({ to: t.string })]),
  /** The person asked, during the call, not to be called again. */
  CallOptOutRequested: t.type({ ...call, at: t.string }),
};

export type CallEvent = EventsOf<typeof callEvents>;

export const callEventDefinitions = eventDefinitions(callEvents);

export const callStream = (callId: string): string => `call-${callId}`;
