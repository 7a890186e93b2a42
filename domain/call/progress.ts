import type { AnsweredBy, CallProgress } from './reports.ts';
import type { CallOutcome } from './outcome.ts';
import type { InboundAction } from './inboundRoute.ts';

export type { CallProgress };

/** Where each status sits in a call's life; a report never moves a call backwards. */
const stage: Record<CallProgress, number> = {
  queued: 0,
  initiated: 1,
  ringing: 2,
  in_progress: 3,
  completed: 4,
  busy: 4,
  no_answer: 4,
  failed: 4,
  canceled: 4,
};

export const isFinal = (progress: CallProgress): boolean => stage[progress] === 4;

/** True when a report of `next` tells something new after `current`. */
export const movesForward = (current: CallProgress | undefined, next: CallProgress): boolean =>
  current === undefined || stage[next] > stage[current];

/** The campaign's outcome of a finished call: what the agent reported first, then what the carrier saw. */
export const outcomeOf = (
  progress: CallProgress,
  answeredBy: AnsweredBy | undefined,
  agent: { transferred: boolean; optedOut: boolean; inbound?: { action: InboundAction } },
): CallOutcome => {
  if (agent.optedOut) return 'opted_out';
  if (agent.transferred) return 'transferred';
  // A caller told the number is not in service was not served.
  if (agent.inbound?.action === 'not_in_service') return 'failed';
  switch (progress) {
    case 'completed':
      // An inbound caller routed to voicemail was asked to leave a message, as an answering machine would be.
      return answeredBy === 'machine' || agent.inbound?.action === 'voicemail' ? 'voicemail' : 'answered';
    case 'busy':
      return 'busy';
    case 'no_answer':
      return 'no_answer';
    case 'failed':
    case 'canceled':
    case 'queued':
    case 'initiated':
    case 'ringing':
    case 'in_progress':
      return 'failed';
  }
};
