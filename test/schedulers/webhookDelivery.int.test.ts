import { expect } from 'chai';
import { virtualClock, type VirtualClock } from '../../adapters/clock/virtualClock.ts';
import { httpWebhookSender } from '../../adapters/webhooks/webhookSender.ts';
import { rotateWebhookSecret } from '../../commands/webhooks/webhookSecrets.ts';
import { engineRegistry } from '../../domain/engineEvents.ts';
import type { Event } from '../../domain/events/event.ts';
import { FIRST_RETRY_MS, LONGEST_RETRY_MS, RETRY_PERIOD_MS } from '../../domain/webhook/retrySchedule.ts';
import type { Projection } from '../../projections/projection.ts';
import { projectionRunner, type ProjectionRunner } from '../../projections/projectionRunner.ts';
import { webhookDeliveriesProjection } from '../../projections/webhooks/webhookDeliveriesProjection.ts';
import {
  WEBHOOK_CAMPAIGNS,
  WEBHOOK_DELIVERIES,
  type WebhookCampaignDoc,
  type WebhookDeliveryDoc,
} from '../../projections/webhooks/webhookDocuments.ts';
import { webhookDelivery, type WebhookDelivery } from '../../schedulers/webhookDelivery.ts';
import { tempStores } from '../support/tempStores.ts';
import { seededEvents } from '../support/seededEvents.ts';
import { verifiedAsSent, webhookReceiver } from '../support/webhookReceiver.ts';
import { realTime } from '../support/realTime.ts';

const companyId = '01900000-0000-7000-8000-0000000000c1';
const start = new Date('2026-03-02T15:00:00.000Z');
const list = { listId: 'l1', caseType: 'intake', listRevision: 0, caseCount: 0, contactCount: 0 };

describe('webhook delivery on a virtual clock', function () {
  this.timeout(120_000);
  let stores: ReturnType<typeof tempStores>;
  let runner: ProjectionRunner;
  let clock: VirtualClock;
  let receiver: Awaited<ReturnType<typeof webhookReceiver>>;
  let webhooks: WebhookDelivery;
  let sequence = 0;

  const append = (stream: string, events: readonly Event[]) => {
    const commandId = `seed-${++sequence}`;
    return stores.eventStore.append(stream, seededEvents(events, companyId, commandId, clock.now()), 'any');
  };
  const caughtUp = async () => runner.waitFor(await stores.eventStore.headPosition(), { timeoutMs: 10_000 });
  const campaignIdOf = (i: number) => `01900000-0000-7000-8000-0000000ca${String(i).padStart(3, '0')}`;

  /** A campaign launched with the receiver's URL, paused and resumed: three notifications; its secret rotated in. */
  const launchWithWebhook = async (campaignId: string) => {
    const at = clock.now().toISOString();
    await append(`campaign-${campaignId}`, [
      { type: 'CampaignDraftStarted', data: { campaignId, companyId, name: 'Spring intake', createdAt: at } },
      {
        type: 'CampaignLaunched',
        data: {
          campaignId,
          launchedAt: at,
          name: 'Spring intake',
          settings: { externalInvocation: { enabled: true, webhookUrl: receiver.url } },
          list,
        },
      },
      { type: 'CampaignPaused', data: { campaignId, at } },
      { type: 'CampaignResumed', data: { campaignId, at } },
    ]);
    return (
      await rotateWebhookSecret({ eventStore: stores.eventStore, registry: engineRegistry })(campaignId, {
        commandId: `rotate-${campaignId}`,
        companyId,
        actor: 'test',
        now: clock.now(),
      })
    ).secret;
  };
  const deliveriesOf = async (campaignId: string) =>
    (
      await stores.readStore.find(
        WEBHOOK_DELIVERIES,
        { companyId, campaignId },
        { sort: [['position', 1]], limit: 100 },
      )
    ).items as WebhookDeliveryDoc[];

  beforeEach(async () => {
    stores = tempStores(engineRegistry);
    clock = virtualClock(start);
    runner = projectionRunner({
      clock: realTime,
      eventStore: stores.eventStore,
      readStore: stores.readStore,
      projections: [webhookDeliveriesProjection as Projection],
      pollIntervalMs: 10,
    });
    await runner.start();
    receiver = await webhookReceiver(() => ({ status: 503 }));
  });
  afterEach(async () => {
    await webhooks.stop();
    await runner.stop();
    await receiver.close();
    await stores.dispose();
  });

  const scheduler = (concurrency = 8, waitForReadModels: (position: bigint) => Promise<unknown> = caughtUp) =>
    webhookDelivery({
      eventStore: stores.eventStore,
      registry: engineRegistry,
      readStore: stores.readStore,
      clock,
      send: httpWebhookSender({ allowPrivate: true }),
      newId: () => `attempt-${++sequence}`,
      concurrency,
      waitForReadModels,
    });

  /** Ticks, then moves the clock to the next due queue, until no queue is due or `rounds` ran out. */
  const playUntilQuiet = async (rounds: number, everyTick: () => void = () => {}) => {
    for (let i = 0; i < rounds; i++) {
      await webhooks.tick();
      everyTick();
      await caughtUp();
      const next = (
        await stores.readStore.find(WEBHOOK_CAMPAIGNS, { dueAt: { $ne: null } }, { sort: [['dueAt', 1]], limit: 1 })
      ).items[0] as WebhookCampaignDoc | undefined;
      if (!next?.dueAt) return i;
      await clock.advanceTo(new Date(Math.max(clock.now().getTime(), Date.parse(next.dueAt))));
    }
    throw new Error(`still due after ${rounds} rounds`);
  };

  it('given a receiver that never recovers, then every attempt is logged, the waits grow with jitter for 24 h, the delivery is given up and the next ones follow in order', async () => {
    webhooks = scheduler();
    const campaignId = campaignIdOf(1);
    const secret = await launchWithWebhook(campaignId);
    await caughtUp();
    await playUntilQuiet(1000, () => expect(webhooks.inFlight()).to.equal(0));

    const [launched, paused, resumed] = await deliveriesOf(campaignId);
    const attempts = launched!.attempts;
    expect(launched!.status).to.equal('given_up');
    expect(attempts.length).to.be.within(20, 400);
    for (const attempt of attempts) {
      expect(attempt.statusCode).to.equal(503);
      expect(attempt.error).to.equal(null);
      expect(attempt.latencyMs).to.be.a('number').and.at.least(0);
    }
    const waits = attempts.slice(1).map((a, i) => Date.parse(a.at) - Date.parse(attempts[i]!.at));
    attempts
      .slice(0, -1)
      .forEach((a, i) => expect(a.nextAttemptAt, `attempt ${a.attempt}`).to.equal(attempts[i + 1]!.at));
    waits.forEach((wait, i) =>
      expect(wait, `wait after failure ${i + 1}`).to.be.at.most(Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** i)),
    );
    expect(new Set(waits.slice(8, 20)).size, 'waits at the one-hour ceiling differ: jitter').to.be.greaterThan(5);
    expect(Math.max(...waits), 'waits grow to near the hour').to.be.greaterThan(LONGEST_RETRY_MS / 2);
    expect(attempts.at(-1)).to.include({
      outcome: 'given_up',
      nextAttemptAt: null,
      at: new Date(Date.parse(launched!.occurredAt) + RETRY_PERIOD_MS).toISOString(),
    });
    expect(attempts.slice(0, -1).every((a) => a.outcome === 'retrying')).to.equal(true);

    // Waiting behind the first for a day, the next two are tried once each, in order, and given up.
    for (const later of [paused!, resumed!]) expect(later.attempts.map((a) => a.outcome)).to.deep.equal(['given_up']);
    expect(receiver.received.map((r) => r.headers['webhook-id'])).to.deep.equal([
      ...attempts.map(() => launched!._id),
      paused!._id,
      resumed!._id,
    ]);
    for (const request of receiver.received)
      expect(verifiedAsSent(secret, request)).to.deep.equal(JSON.parse(request.body));
  });

  it('given many campaigns whose receiver answers slowly and fails, then no more than the concurrency is ever in flight, and nothing stays in the process', async () => {
    receiver.answerWith(() => ({ status: 500, delayMs: 150 }));
    webhooks = scheduler(3);
    for (let i = 0; i < 10; i++) await launchWithWebhook(campaignIdOf(i));
    await caughtUp();
    const inFlight: number[] = [];
    webhooks.start();
    for (let i = 0; i < 40; i++) {
      await clock.advance(1000);
      inFlight.push(webhooks.inFlight());
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    await webhooks.stop();
    expect(Math.max(...inFlight)).to.equal(3);
    expect(receiver.mostOpen()).to.equal(3);
    expect(webhooks.inFlight()).to.equal(0);
    expect(
      new Set(receiver.received.map((r) => JSON.parse(r.body).campaignId)).size,
      'every campaign had its turn',
    ).to.equal(10);
  });

  it('given a tick that read the queue while the last attempt was still being recorded, then it waits for that attempt in the read models and sends nothing twice', async () => {
    receiver.answerWith(() => ({ status: 200, delayMs: 300 }));
    /** The next wait is held until released: a tick slowed down between reading the head and reading the queue. */
    let held: Promise<void> | undefined;
    let release = () => {};
    webhooks = scheduler(8, async (position) => {
      const gate = held;
      held = undefined;
      await gate;
      return runner.waitFor(position, { timeoutMs: 10_000 });
    });
    const campaignId = campaignIdOf(1);
    await launchWithWebhook(campaignId);
    await caughtUp();

    const first = webhooks.tick();
    while (receiver.received.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    await runner.stop();
    held = new Promise<void>((resolve) => (release = resolve));
    const second = webhooks.tick();
    expect((await first).map((a) => a.outcome)).to.deep.equal(['delivered']);
    release();
    setTimeout(() => void runner.start(), 200);
    const again = await second;

    expect(
      receiver.received.map((r) => r.headers['webhook-id']),
      'each delivery sent once, the next after the first',
    ).to.deep.equal((await deliveriesOf(campaignId)).slice(0, 1 + again.length).map((d) => d._id));
  });
});
