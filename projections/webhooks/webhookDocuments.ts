import type { AttemptOutcome } from '../../domain/webhook/events.ts';
import type { WebhookType } from '../../domain/webhook/notifications.ts';
import type { Doc } from '../readStore.ts';

export const WEBHOOK_CAMPAIGNS = 'webhook_campaigns';
export const WEBHOOK_DELIVERIES = 'webhook_deliveries';

/** A campaign's delivery queue: its launched URL, whether a secret exists, and its waiting deliveries. */
export type WebhookQueue = {
  _id: string;
  companyId: string;
  campaignId: string;
  url: string | null;
  signing: boolean;
  /** Deliveries still in the queue: neither delivered nor given up. */
  pending: number;
  /** When the oldest waiting delivery may next be tried. */
  nextAt: string | null;
};

/**
 * The queue as the scheduler reads it: `dueAt` is when its oldest waiting delivery may be tried, null
 * while nothing waits, no URL was launched or no secret exists yet to sign with.
 */
export type WebhookCampaignDoc = WebhookQueue & { dueAt: string | null };

export type WebhookAttempt = {
  attempt: number;
  at: string;
  latencyMs: number;
  outcome: AttemptOutcome;
  manual: boolean;
  statusCode: number | null;
  error: string | null;
  nextAttemptAt: string | null;
};

export type DeliveryStatus = 'pending' | 'delivered' | 'given_up';

/** One webhook (the same `id` and body on every attempt) and every attempt made to deliver it. */
export type WebhookDeliveryDoc = Doc & {
  campaignId: string;
  /** The global position of its domain event: the campaign's deliveries go out in this order. */
  position: number;
  type: WebhookType;
  occurredAt: string;
  data: Record<string, unknown>;
  status: DeliveryStatus;
  nextAttemptAt: string | null;
  attempts: WebhookAttempt[];
};

/** The campaign's `dueAt` from its queue: only a campaign with a URL, a secret and a waiting delivery is due. */
export const withDueAt = (doc: WebhookQueue): WebhookCampaignDoc => ({
  ...doc,
  dueAt: doc.url !== null && doc.signing && doc.pending > 0 ? doc.nextAt : null,
});
