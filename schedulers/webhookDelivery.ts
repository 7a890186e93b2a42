import type { EventStore } from '../commands/eventStore.ts';
import type { Scheduler } from '../commands/scheduler.ts';
import { signedWebhook } from '../commands/webhooks/signedWebhook.ts';
import { webhookAttempts } from '../commands/webhooks/webhookAttempts.ts';
import { webhookSecretOf } from '../commands/webhooks/webhookSecrets.ts';
import type { EventRegistry } from '../domain/events/eventRegistry.ts';
import type { AttemptOutcome } from '../domain/webhook/events.ts';
import { collection } from '../projections/collection.ts';
import type { ReadStore } from '../projections/readStore.ts';
import { attemptOf } from '../projections/webhooks/webhookDeliveriesProjection.ts';
import {
  WEBHOOK_CAMPAIGNS,
  WEBHOOK_DELIVERIES,
  type WebhookAttempt,
  type WebhookCampaignDoc,
  type WebhookDeliveryDoc,
} from '../projections/webhooks/webhookDocuments.ts';
import type { WebhookSender } from './webhookSender.ts';
import { tickLoop } from './tickLoop.ts';

export type WebhookDeliveryOptions = {
  /** The clock a conflict's backoff waits on: real time, whatever clock this runs on. */
  readonly realTime?: Scheduler;
  readonly eventStore: EventStore;
  readonly registry: EventRegistry;
  readonly readStore: ReadStore;
  readonly clock: Scheduler;
  readonly send: WebhookSender;
  readonly newId: () => string;
  /** A draw in [0, 1) for the retries' jitter. */
  readonly random?: () => number;
  /** How often due campaigns are looked for (1 s). */
  readonly intervalMs?: number;
  /** Campaigns delivered to at once, across all companies (8): a slow receiver holds one slot, never the loop. */
  readonly concurrency?: number;
  readonly onError?: (error: unknown, what: string) => void;
  /** Waits until the read models hold every event up to `position`, so a tick sees the attempts the last one recorded. */
  readonly waitForReadModels?: (position: bigint) => Promise<unknown>;
};

/** One attempt as the scheduler made it. */
export type Attempted = {
  readonly campaignId: string;
  readonly deliveryId: string;
  readonly outcome: AttemptOutcome;
  readonly attempt: WebhookAttempt;
  readonly position: bigint;
};

/**
 * Delivers campaign webhooks, at least once and in order per campaign. Each tick reads the campaigns
 * whose queue is due from the `webhook_campaigns` read model (O(batch)), and for each, up to the
 * concurrency, its oldest waiting delivery; it signs it with the campaign's current secret, sends it,
 * and records the attempt (status, latency, error, next attempt) on the delivery's stream. Attempts run
 * beside the loop, so a receiver that answers slowly delays only its own campaign; the process holds
 * nothing but the attempts in flight.
 */
export const webhookDelivery = (options: WebhookDeliveryOptions) => {
  const { readStore, eventStore, clock, send } = options;
  const record = webhookAttempts(options);
  const random = options.random ?? Math.random;
  const concurrency = options.concurrency ?? 8;
  const onError = options.onError ?? (() => {});
  /** Attempts in flight, by campaign: at most `concurrency`, and one per campaign, which keeps its order. */
  const inFlight = new Map<string, Promise<Attempted | undefined>>();
  /** Where each campaign's last attempt was recorded: its next one waits until the read models hold it. */
  const recordedAt = new Map<string, bigint>();

  const attempt = async (delivery: WebhookDeliveryDoc, url: string, manual: boolean): Promise<Attempted> => {
    const secret = await webhookSecretOf(eventStore, delivery.campaignId);
    if (secret === undefined) throw new Error(`campaign ${delivery.campaignId} has no webhook secret yet`);
    const signed = signedWebhook(
      {
        id: delivery._id,
        type: delivery.type,
        occurredAt: delivery.occurredAt,
        campaignId: delivery.campaignId,
        data: delivery.data,
      },
      secret,
      clock.now(),
    );
    const answer = await send({ url, ...signed });
    const now = clock.now();
    const result = await record(
      {
        type: 'RecordWebhookAttempt',
        data: {
          campaignId: delivery.campaignId,
          deliveryId: delivery._id,
          occurredAt: delivery.occurredAt,
          now: now.toISOString(),
          latencyMs: answer.latencyMs,
          ...(answer.statusCode !== undefined ? { statusCode: answer.statusCode } : {}),
          ...(answer.error !== undefined ? { error: answer.error } : {}),
          random: random(),
          manual,
        },
      },
      {
        commandId: options.newId(),
        companyId: delivery.companyId,
        actor: manual ? 'webhook-retry' : 'webhook-delivery',
        now,
      },
    );
    const event = result.newEvents[0];
    if (!event) throw new Error(`the attempt on webhook delivery ${delivery._id} recorded nothing`);
    recordedAt.set(delivery.campaignId, result.position);
    return {
      campaignId: delivery.campaignId,
      deliveryId: delivery._id,
      outcome: event.data.outcome,
      attempt: attemptOf(event.data),
      position: result.position,
    };
  };

  /** The campaign's oldest waiting delivery, when it is due: the only one of the campaign that may go. */
  const headOf = async (queue: WebhookCampaignDoc, now: Date): Promise<WebhookDeliveryDoc | undefined> => {
    const page = await collection<WebhookDeliveryDoc>(readStore, WEBHOOK_DELIVERIES).find(
      { companyId: queue.companyId, campaignId: queue.campaignId, status: 'pending' },
      { sort: [['position', 1]], limit: 1 },
    );
    const head = page.items[0];
    return head && (head.nextAttemptAt === null || head.nextAttemptAt <= now.toISOString()) ? head : undefined;
  };

  const deliverHead = async (queue: WebhookCampaignDoc, now: Date): Promise<Attempted | undefined> => {
    // A tick that read the queue before the last attempt was projected would otherwise send that delivery again.
    const recorded = recordedAt.get(queue.campaignId);
    if (recorded !== undefined && options.waitForReadModels) {
      await options.waitForReadModels(recorded);
      if (recordedAt.get(queue.campaignId) === recorded) recordedAt.delete(queue.campaignId);
    }
    const head = await headOf(queue, now);
    return head && queue.url !== null ? attempt(head, queue.url, false) : undefined;
  };

  /** Starts an attempt for each due campaign a free slot allows; answers the attempts it started. */
  const launch = async (): Promise<Promise<Attempted | undefined>[]> => {
    if (options.waitForReadModels) await options.waitForReadModels(await eventStore.headPosition());
    const free = concurrency - inFlight.size;
    if (free <= 0) return [];
    const now = clock.now();
    const due = await collection<WebhookCampaignDoc>(readStore, WEBHOOK_CAMPAIGNS).find(
      { dueAt: { $lte: now.toISOString() } },
      { sort: [['dueAt', 1]], limit: concurrency * 2 },
    );
    const started: Promise<Attempted | undefined>[] = [];
    for (const queue of due.items) {
      if (started.length >= free) break;
      if (inFlight.has(queue.campaignId)) continue;
      const running = deliverHead(queue, now)
        .catch((error: unknown) => {
          onError(error, queue.campaignId);
          return undefined;
        })
        .finally(() => inFlight.delete(queue.campaignId));
      inFlight.set(queue.campaignId, running);
      started.push(running);
    }
    return started;
  };

  /** One round: the attempts it starts, waited for (tests and the demo step with it). */
  const tick = async (): Promise<Attempted[]> =>
    (await Promise.all(await launch())).filter((a): a is Attempted => a !== undefined);

  // The loop only starts attempts; it never waits for a receiver.
  const loop = tickLoop({
    clock,
    intervalMs: options.intervalMs ?? 1000,
    tick: launch,
    onError: (error) => onError(error, '*'),
  });

  return {
    tick,
    /** Sends one delivery again now, in or out of its queue (a retry asked for by hand). */
    retry: (delivery: WebhookDeliveryDoc, url: string) => attempt(delivery, url, true),
    /** Attempts in flight now: never more than the concurrency. */
    inFlight: () => inFlight.size,
    start: loop.start,
    stop: async () => {
      await loop.stop();
      await Promise.all(inFlight.values());
    },
  };
};

export type WebhookDelivery = ReturnType<typeof webhookDelivery>;
