import * as t from 'io-ts';
import { eventDefinitions, type EventsOf } from '../events/eventCodecs.ts';
import { CallOutcome } from '../campaign/draft.ts';
import { FiniteNumber } from '../values.ts';
import { InboundRoute } from './inboundRoute.ts';

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

/** A form field's answer as the agent took it down. */
export const FormAnswerCodec = t.union([t.string, FiniteNumber, t.boolean, t.null]);

const call = { callId: t.string };

/** How an inbound caller was found: the campaign that last reached them, a contact of the campaign on the number called, or not at all. */
export const CallerMatch = t.keyof({ last_outreach: null, campaign_contact: null, unknown: null });

export const callEvents = {
  /** A call came in on one of our numbers: who called which number, the campaign and contact found for it, and the route taken. */
  InboundCallReceived: t.intersection([
    t.type({
      ...call,
      carrierCallId: t.string,
      from: t.string,
      to: t.string,
      receivedAt: t.string,
      callerMatch: CallerMatch,
      route: InboundRoute,
    }),
    t.partial({ campaignId: t.string, contactId: t.string }),
  ]),
  /** The carrier took the call; `reconciled` when found at the carrier after a restart rather than answered by it. */
  CallPlaced: t.intersection([
    t.type({ ...call, campaignId: t.string, contactId: t.string, carrierCallId: t.string, placedAt: t.string }),
    t.partial({ reconciled: t.boolean }),
  ]),
  CallProgressed: t.intersection([
    t.type({ ...call, carrierCallId: t.string, progress: CallProgressCodec, reportedAt: t.string }),
    // Answering-machine detection speaks when the call is answered, not always again at its end.
    t.partial({ sequence: FiniteNumber, answeredBy: AnsweredByCodec }),
  ]),
  CallCompleted: t.intersection([
    t.type({
      ...call,
      carrierCallId: t.string,
      outcome: CallOutcome,
      progress: CallProgressCodec,
      durationSeconds: FiniteNumber,
      endedAt: t.string,
    }),
    t.partial({ answeredBy: AnsweredByCodec }),
  ]),
  RecordingAvailable: t.type({ ...call, url: t.string }),
  /** Names its campaign and contact when the call's placement is known, so its campaign's webhook can tell of it. */
  CallTransferred: t.intersection([
    t.type({ ...call, at: t.string }),
    t.partial({ to: t.string, campaignId: t.string, contactId: t.string }),
  ]),
  /** The person asked, during the call, not to be called again. */
  CallOptOutRequested: t.type({ ...call, at: t.string }),
  /** What the agent's form took down: only answers new or changed since the last report. Names the contact for workflows. */
  FormAnswersRecorded: t.type({
    ...call,
    campaignId: t.string,
    contactId: t.string,
    answers: t.record(t.string, FormAnswerCodec),
    at: t.string,
  }),
  /** The agent's summary of the conversation (the handoff note of a transfer); a changed summary replaces it. */
  CallSummaryRecorded: t.type({ ...call, campaignId: t.string, contactId: t.string, summary: t.string, at: t.string }),
};

export type CallEvent = EventsOf<typeof callEvents>;

export const callEventDefinitions = eventDefinitions(callEvents);

export const callStream = (callId: string): string => `call-${callId}`;
