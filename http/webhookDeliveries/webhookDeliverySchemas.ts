import { webhookTypes } from '../../domain/webhook/notifications.ts';

const attemptExample = {
  attempt: 1,
  at: '2026-03-02T15:04:05.120Z',
  latencyMs: 84,
  outcome: 'retrying',
  manual: false,
  statusCode: 503,
  error: null,
  nextAttemptAt: '2026-03-02T15:04:21.000Z',
};

export const attemptSchema = {
  type: 'object',
  required: ['attempt', 'at', 'latencyMs', 'outcome', 'manual', 'statusCode', 'error', 'nextAttemptAt'],
  properties: {
    attempt: { type: 'integer', minimum: 1 },
    at: { type: 'string', format: 'date-time' },
    latencyMs: { type: 'integer', description: 'from resolving the name to the status line' },
    outcome: {
      type: 'string',
      enum: ['delivered', 'retrying', 'given_up', 'failed'],
      description: '`failed`: an attempt by hand on a delivery already delivered or given up',
    },
    manual: { type: 'boolean', description: 'asked for with the retry route' },
    statusCode: {
      type: ['integer', 'null'],
      description: "the receiver's status; null when none came (refused, unreachable, timed out)",
    },
    error: { type: ['string', 'null'] },
    nextAttemptAt: { type: ['string', 'null'], format: 'date-time' },
  },
  examples: [attemptExample],
};

export const deliverySchema = {
  type: 'object',
  required: ['id', 'type', 'occurredAt', 'campaignId', 'data', 'status', 'nextAttemptAt', 'attempts'],
  properties: {
    id: { type: 'string', description: 'the `webhook-id` header and body `id`, the same on every attempt' },
    type: { type: 'string', enum: [...webhookTypes] },
    occurredAt: { type: 'string', format: 'date-time' },
    campaignId: { type: 'string' },
    data: { type: 'object', description: 'the body `data` the receiver gets' },
    status: { type: 'string', enum: ['pending', 'delivered', 'given_up'] },
    nextAttemptAt: {
      type: ['string', 'null'],
      format: 'date-time',
      description: 'when a waiting delivery may next be tried (after the ones before it)',
    },
    attempts: { type: 'array', items: attemptSchema },
  },
  examples: [
    {
      id: '01900000-0000-7000-8000-00000000d001',
      type: 'call.completed',
      occurredAt: '2026-03-02T15:04:05.000Z',
      campaignId: '01900000-0000-7000-8000-00000000ca01',
      data: {
        callId: '01900000-0000-7000-8000-0000000ca111',
        contactId: '01900000-0000-7000-8000-0000000c0001',
        attempt: 1,
        outcome: 'answered',
        endedAt: '2026-03-02T15:04:05.000Z',
      },
      status: 'pending',
      nextAttemptAt: '2026-03-02T15:04:21.000Z',
      attempts: [attemptExample],
    },
  ],
};

export const secretSchema = {
  type: 'object',
  required: ['campaignId', 'secret', 'position'],
  properties: {
    campaignId: { type: 'string' },
    secret: {
      type: ['string', 'null'],
      description: '`whsec_` and base64 key bytes, shown in this answer only (an Idempotency-Key replay answers null)',
    },
    position: { type: 'string' },
  },
  examples: [
    {
      campaignId: '01900000-0000-7000-8000-00000000ca01',
      secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
      position: '4711',
    },
  ],
};
