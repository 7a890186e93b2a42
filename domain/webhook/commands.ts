import type { Command } from '../decider.ts';

export type RotateWebhookSecret = Command<'RotateWebhookSecret', { campaignId: string; secret: string; now: string }>;

/**
 * What one request to the webhook URL came to. `occurredAt`: when the delivery's event happened (its
 * retries end 24 h later); `random`: a draw in [0, 1) for the retry's jitter.
 */
export type RecordWebhookAttempt = Command<
  'RecordWebhookAttempt',
  {
    campaignId: string;
    deliveryId: string;
    occurredAt: string;
    now: string;
    latencyMs: number;
    statusCode?: number;
    error?: string;
    random: number;
    manual: boolean;
  }
>;
