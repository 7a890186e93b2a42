import type { Decider } from '../decider.ts';
import type { RecordWebhookAttempt } from './commands.ts';
import type { AttemptOutcome, WebhookEvent } from './events.ts';
import { nextAttemptAt } from './retrySchedule.ts';

type AttemptEvent = Extract<WebhookEvent, { type: 'WebhookDeliveryAttempted' }>;

/** One delivery as its attempts tell it: still in its campaign's queue (`pending`) or out of it. */
export type DeliveryState = {
  readonly attempts: number;
  readonly failures: number;
  readonly status: 'pending' | 'delivered' | 'given_up';
};

/** A 2xx answer is a delivery; a redirect, any other status or no answer at all is a failure. */
export const isDelivered = (statusCode: number | undefined): boolean =>
  statusCode !== undefined && statusCode >= 200 && statusCode < 300;

const outcomeOf = (
  state: DeliveryState,
  data: RecordWebhookAttempt['data'],
): { outcome: AttemptOutcome; next?: Date } => {
  if (isDelivered(data.statusCode)) return { outcome: 'delivered' };
  if (state.status !== 'pending') return { outcome: 'failed' };
  const next = nextAttemptAt(new Date(data.occurredAt), new Date(data.now), state.failures + 1, data.random);
  return next ? { outcome: 'retrying', next } : { outcome: 'given_up' };
};

/** The `webhookdelivery-<campaignId>.<deliveryId>` stream: each attempt, numbered, with what it decided. */
export const webhookDeliveryDecider: Decider<DeliveryState, RecordWebhookAttempt, AttemptEvent> = {
  decide: ({ data }, state) => {
    const { outcome, next } = outcomeOf(state, data);
    return {
      type: 'WebhookDeliveryAttempted',
      data: {
        campaignId: data.campaignId,
        deliveryId: data.deliveryId,
        attempt: state.attempts + 1,
        at: data.now,
        latencyMs: Math.max(0, Math.round(data.latencyMs)),
        outcome,
        resolves: state.status === 'pending' && outcome !== 'retrying',
        manual: data.manual,
        ...(data.statusCode !== undefined ? { statusCode: data.statusCode } : {}),
        ...(data.error !== undefined ? { error: data.error.slice(0, 500) } : {}),
        ...(next ? { nextAttemptAt: next.toISOString() } : {}),
      },
    };
  },
  evolve: (state, { data }) => ({
    attempts: data.attempt,
    failures: data.outcome === 'delivered' ? state.failures : state.failures + 1,
    status: data.outcome === 'delivered' ? 'delivered' : data.outcome === 'given_up' ? 'given_up' : state.status,
  }),
  initialState: () => ({ attempts: 0, failures: 0, status: 'pending' }),
};
