import type { NewEvent } from '../../domain/events/event.ts';
import { NO_WINDOW_PREFIX, windowRefusalOf } from '../../domain/outreach/windowRefusal.ts';
import type { RequestOrigin, WatchedEvent } from './outreachLogLine.ts';

/** The outreach counters, by the name of their metric. */
export const counterNames = {
  calls: 'outreach_calls_total',
  messages: 'outreach_messages_total',
  optOuts: 'outreach_opt_outs_total',
  decisions: 'outreach_dispatch_decisions_total',
} as const;

export type CounterKey = keyof typeof counterNames;

/** Labels of each counter besides company and campaign; each takes a handful of values at most. */
export const counterLabels: Record<CounterKey, readonly string[]> = {
  calls: ['outcome'],
  messages: ['channel', 'direction'],
  optOuts: ['channel', 'source'],
  decisions: ['decision', 'reason'],
};

/** One increment: which counter, the campaign it is about (when any), and its other labels. */
export type OutreachCount = {
  readonly counter: CounterKey;
  readonly campaignId?: string;
  readonly labels: Readonly<Record<string, string>>;
};

/** Why calls were withheld, in a label's few values. */
const withheldReason = (reason: string): string =>
  reason === 'opted_out' ? reason : reason.startsWith(NO_WINDOW_PREFIX) ? 'no_calling_window' : 'other';

/** What an appended event adds to the outreach counters; pure, like the line it also makes. */
export const outreachCounts = (event: Pick<NewEvent, 'type' | 'data'>, origin?: RequestOrigin): OutreachCount[] => {
  const watched = event as unknown as WatchedEvent;
  switch (watched.type) {
    case 'CallAttemptEnded':
      return [{ counter: 'calls', campaignId: watched.data.campaignId, labels: { outcome: watched.data.outcome } }];
    case 'MessageSent':
      return [
        {
          counter: 'messages',
          ...(origin ? { campaignId: origin.campaignId } : {}),
          labels: { channel: origin?.channel ?? 'unknown', direction: 'outbound' },
        },
      ];
    case 'InboundMessageReceived':
      return [
        {
          counter: 'messages',
          ...(watched.data.campaignId ? { campaignId: watched.data.campaignId } : {}),
          labels: { channel: 'sms', direction: 'inbound' },
        },
      ];
    case 'ContactOptedOut':
      return [
        {
          counter: 'optOuts',
          ...(watched.data.campaignId ? { campaignId: watched.data.campaignId } : {}),
          labels: { channel: watched.data.channel, source: watched.data.source },
        },
      ];
    case 'CallRequested':
      return [
        {
          counter: 'decisions',
          campaignId: watched.data.campaignId,
          labels: { decision: 'called', reason: 'in_window' },
        },
      ];
    case 'NextAttemptScheduled': {
      const refusal = windowRefusalOf(watched.type, watched.data.reason);
      return refusal
        ? [
            {
              counter: 'decisions',
              campaignId: watched.data.campaignId,
              labels: { decision: 'rescheduled', reason: refusal },
            },
          ]
        : [];
    }
    case 'CallsWithheld':
      return [
        {
          counter: 'decisions',
          campaignId: watched.data.campaignId,
          labels: { decision: 'withheld', reason: withheldReason(watched.data.reason) },
        },
      ];
    default:
      return [];
  }
};
