import { assertNever } from '../decider.ts';
import type { CallEvent } from './events.ts';
import type { CallOutcome } from './outcome.ts';
import type { CallProgress } from './reports.ts';
import type { InboundAction } from './inboundRoute.ts';

/** One call as its stream tells it; reports may come before the carrier's answer to the dial is recorded. */
export type CallState = {
  revision: number;
  placement?: { campaignId: string; contactId: string; carrierCallId: string };
  /** An inbound call: the campaign and contact it was found for (none for an unknown caller) and who took it. */
  inbound?: { campaignId?: string; contactId?: string; action: InboundAction };
  /** The carrier's id of this call: the placement's, or the first a report named before the placement was recorded. */
  carrierCallId?: string;
  progress?: CallProgress;
  /** Who answered, as the carrier's detection said on any report. */
  answeredBy?: 'human' | 'machine' | 'unknown';
  outcome?: CallOutcome;
  endedAt?: string;
  recordingUrl?: string;
  transferred: boolean;
  optedOut: boolean;
  /** Every form answer the agent reported, the latest per field. */
  answers: Readonly<Record<string, string | number | boolean | null>>;
  summary?: string;
};

export const initialCallState = (): CallState => ({ revision: -1, transferred: false, optedOut: false, answers: {} });

const folded = (state: CallState, event: CallEvent): CallState => {
  switch (event.type) {
    case 'CallPlaced': {
      const { campaignId, contactId, carrierCallId } = event.data;
      // The carrier's own answer to our dial is its word on which call is ours.
      return { ...state, placement: { campaignId, contactId, carrierCallId }, carrierCallId };
    }
    case 'InboundCallReceived': {
      const { campaignId, contactId, carrierCallId, route } = event.data;
      return {
        ...state,
        inbound: { ...(campaignId ? { campaignId } : {}), ...(contactId ? { contactId } : {}), action: route.action },
        carrierCallId,
      };
    }
    case 'CallProgressed':
      return {
        ...state,
        progress: event.data.progress,
        carrierCallId: state.carrierCallId ?? event.data.carrierCallId,
        ...(event.data.answeredBy ? { answeredBy: event.data.answeredBy } : {}),
      };
    case 'CallCompleted':
      return {
        ...state,
        progress: event.data.progress,
        outcome: event.data.outcome,
        endedAt: event.data.endedAt,
        carrierCallId: state.carrierCallId ?? event.data.carrierCallId,
      };
    case 'RecordingAvailable':
      return { ...state, recordingUrl: event.data.url };
    case 'CallTransferred':
      return { ...state, transferred: true };
    case 'CallOptOutRequested':
      return { ...state, optedOut: true };
    case 'FormAnswersRecorded':
      return { ...state, answers: { ...state.answers, ...event.data.answers } };
    case 'CallSummaryRecorded':
      return { ...state, summary: event.data.summary };
    default:
      return assertNever(event);
  }
};

export const evolveCall = (state: CallState, event: CallEvent): CallState => ({
  ...folded(state, event),
  revision: state.revision + 1,
});
