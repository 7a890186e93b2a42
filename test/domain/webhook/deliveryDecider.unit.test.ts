import type { RecordWebhookAttempt } from '../../../domain/webhook/commands.ts';
import { webhookDeliveryDecider } from '../../../domain/webhook/deliveryDecider.ts';
import type { WebhookEvent } from '../../../domain/webhook/events.ts';
import { deciderSpecification } from '../../support/deciderSpecification.ts';

const spec = deciderSpecification(webhookDeliveryDecider);
const campaignId = 'c1';
const deliveryId = 'd1';
const occurredAt = '2026-03-02T15:00:00.000Z';

const attempt = (
  now: string,
  answer: { statusCode?: number; error?: string },
  manual = false,
): RecordWebhookAttempt => ({
  type: 'RecordWebhookAttempt',
  data: { campaignId, deliveryId, occurredAt, now, latencyMs: 42.4, random: 0.5, manual, ...answer },
});
type Attempted = Extract<WebhookEvent, { type: 'WebhookDeliveryAttempted' }>;
const attempted = (
  data: Partial<Attempted['data']> & Pick<Attempted['data'], 'attempt' | 'at' | 'outcome' | 'resolves'>,
): Attempted => ({
  type: 'WebhookDeliveryAttempted',
  data: { campaignId, deliveryId, latencyMs: 42, manual: false, ...data },
});

describe('the attempts of a webhook delivery', () => {
  it('given no attempt yet, when the receiver answers 2xx, then it is delivered and leaves its queue', () =>
    spec
      .given([])
      .when(attempt('2026-03-02T15:00:01.000Z', { statusCode: 204 }))
      .then([
        attempted({
          attempt: 1,
          at: '2026-03-02T15:00:01.000Z',
          outcome: 'delivered',
          resolves: true,
          statusCode: 204,
        }),
      ]));

  it('given no attempt yet, when the receiver answers 500, then it is retried after a jittered 15 s (half the first 30 s ceiling)', () =>
    spec
      .given([])
      .when(attempt('2026-03-02T15:00:01.000Z', { statusCode: 500 }))
      .then([
        attempted({
          attempt: 1,
          at: '2026-03-02T15:00:01.000Z',
          outcome: 'retrying',
          resolves: false,
          statusCode: 500,
          nextAttemptAt: '2026-03-02T15:00:16.000Z',
        }),
      ]));

  it('given two failures, when the third fails with no answer, then the wait doubles twice and the error is kept', () => {
    const failed = (n: number, at: string, next: string) =>
      attempted({ attempt: n, at, outcome: 'retrying', resolves: false, statusCode: 503, nextAttemptAt: next });
    spec
      .given([
        failed(1, '2026-03-02T15:00:01.000Z', '2026-03-02T15:00:16.000Z'),
        failed(2, '2026-03-02T15:00:16.000Z', '2026-03-02T15:00:46.000Z'),
      ])
      .when(attempt('2026-03-02T15:00:46.000Z', { error: 'ECONNREFUSED: connect ECONNREFUSED 203.0.113.7:443' }))
      .then([
        attempted({
          attempt: 3,
          at: '2026-03-02T15:00:46.000Z',
          outcome: 'retrying',
          resolves: false,
          error: 'ECONNREFUSED: connect ECONNREFUSED 203.0.113.7:443',
          nextAttemptAt: '2026-03-02T15:01:46.000Z',
        }),
      ]);
  });

  it('given a failure 24 h after the event, then the delivery is given up and leaves its queue', () =>
    spec
      .given([
        attempted({
          attempt: 1,
          at: '2026-03-02T15:00:01.000Z',
          outcome: 'retrying',
          resolves: false,
          statusCode: 500,
          nextAttemptAt: '2026-03-03T15:00:00.000Z',
        }),
      ])
      .when(attempt('2026-03-03T15:00:00.000Z', { statusCode: 500 }))
      .then([
        attempted({ attempt: 2, at: '2026-03-03T15:00:00.000Z', outcome: 'given_up', resolves: true, statusCode: 500 }),
      ]));

  it('given a delivery given up, when it is retried by hand and fails, then the attempt is recorded as failed and nothing more is planned', () =>
    spec
      .given([
        attempted({ attempt: 1, at: '2026-03-03T15:00:00.000Z', outcome: 'given_up', resolves: true, statusCode: 500 }),
      ])
      .when(attempt('2026-03-04T09:00:00.000Z', { statusCode: 502 }, true))
      .then([
        attempted({
          attempt: 2,
          at: '2026-03-04T09:00:00.000Z',
          outcome: 'failed',
          resolves: false,
          statusCode: 502,
          manual: true,
        }),
      ]));

  it('given a delivery given up, when it is retried by hand and delivered, then it is delivered without leaving its queue twice', () =>
    spec
      .given([
        attempted({ attempt: 1, at: '2026-03-03T15:00:00.000Z', outcome: 'given_up', resolves: true, statusCode: 500 }),
      ])
      .when(attempt('2026-03-04T09:00:00.000Z', { statusCode: 200 }, true))
      .then([
        attempted({
          attempt: 2,
          at: '2026-03-04T09:00:00.000Z',
          outcome: 'delivered',
          resolves: false,
          statusCode: 200,
          manual: true,
        }),
      ]));

  it('given a redirect, then it is a failure: redirects are not followed', () =>
    spec
      .given([])
      .when(attempt('2026-03-02T15:00:01.000Z', { statusCode: 301 }))
      .thenState((state) => {
        if (state.status !== 'pending' || state.failures !== 1)
          throw new Error(`expected one failure, got ${JSON.stringify(state)}`);
      }));
});
