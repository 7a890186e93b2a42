import { createHmac } from 'node:crypto';
import { signingKeyOf } from './webhookSecrets.ts';

/** What a webhook says: the same `id` and body on every attempt, so a receiver can drop repeats by id. */
export type WebhookMessage = {
  readonly id: string;
  readonly type: string;
  readonly occurredAt: string;
  readonly campaignId: string;
  readonly data: unknown;
};

/** The Standard Webhooks signature: `v1,` and the base64 HMAC-SHA256 of `id.timestamp.body` under the secret's key. */
export const webhookSignature = (secret: string, id: string, timestamp: number, body: string): string =>
  `v1,${createHmac('sha256', signingKeyOf(secret)).update(`${id}.${timestamp}.${body}`).digest('base64')}`;

/** The body and headers of one attempt, signed at `now` (the timestamp is the attempt's, in unix seconds). */
export const signedWebhook = (
  message: WebhookMessage,
  secret: string,
  now: Date,
): { body: string; headers: Record<string, string> } => {
  const body = JSON.stringify({
    id: message.id,
    type: message.type,
    occurredAt: message.occurredAt,
    campaignId: message.campaignId,
    data: message.data,
  });
  const timestamp = Math.floor(now.getTime() / 1000);
  return {
    body,
    headers: {
      'content-type': 'application/json',
      'webhook-id': message.id,
      'webhook-timestamp': String(timestamp),
      'webhook-signature': webhookSignature(secret, message.id, timestamp, body),
    },
  };
};
