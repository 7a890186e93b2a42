import { join } from 'node:path';
import { virtualClock, type VirtualClock } from '../../adapters/clock/virtualClock.ts';
import { getSqliteEventStore } from '../../adapters/eventstore/sqlite/sqliteEventStore.ts';
import { getSqliteReadStore } from '../../adapters/readstore/sqlite/sqliteReadStore.ts';
import type { EventStore } from '../../commands/eventStore.ts';
import { engineRegistry } from '../../domain/engineEvents.ts';
import type { ComplianceRules } from '../../domain/compliance/complianceRules.ts';
import { createLogger } from '../../http/logging.ts';
import { listenWatched } from './problemMessages.ts';
import { campaignCompletion } from '../../schedulers/campaignCompletion.ts';
import { demoClient } from '../../scripts/demo/demoClient.ts';
import { engineApp } from '../../scripts/engine/engineApp.ts';
import { simulatedOutreach } from '../../scripts/demo/simulatedOutreach.ts';
import { ADMIN_TOKEN } from './apiHarness.ts';
import type { WebhookSenderOptions } from '../../adapters/webhooks/webhookSender.ts';
import { watchedEventStore } from '../../scripts/engine/watchedEventStore.ts';
import type { DestinationStream } from 'pino';

const MINUTE = 60_000;

export type OutreachRigOptions = {
  /** Where the embedded stores live (and stay, for a restart). */
  readonly dir: string;
  readonly start: Date;
  readonly seed: number;
  /** The simulated carrier's placed-call log, for a rig that may be restarted. */
  readonly callLog?: string;
  /** Told of every append the store acknowledged. */
  readonly acknowledged?: (stream: string, position: bigint) => void;
  /** Rule tables as configuration overrides them; the shipped ones when absent. */
  readonly compliance?: ComplianceRules;
  /** How campaign webhooks are sent; `outreach.webhooks` delivers them once started. */
  readonly webhooks?: WebhookSenderOptions;
  /** Where the engine's log goes, at which level; silent when absent. */
  readonly log?: { readonly level: string; readonly destination: DestinationStream };
};

/**
 * The whole engine as `npm run demo` wires it, on the embedded stores in `dir`, the simulated carriers and
 * a virtual clock: the HTTP API on 127.0.0.1, and a minute-by-minute player of dispatcher, workflow
 * runner and campaign completion that waits for the read models after each step.
 */
export const outreachRig = async (options: OutreachRigOptions) => {
  const clock: VirtualClock = virtualClock(options.start);
  const raw = getSqliteEventStore({
    path: join(options.dir, 'events.db'),
    registry: engineRegistry,
    pollIntervalMs: 20,
  });
  const readStore = getSqliteReadStore({ path: join(options.dir, 'read.db'), aliasTtlMs: 0 });
  const logger = options.log ? createLogger(options.log) : createLogger({ level: 'silent' });
  // Watched as the service watches its store: outreach lines in the log, outreach metrics on `/metrics`.
  const watched = watchedEventStore({ eventStore: raw, readStore, logger, clock });
  const acknowledged = options.acknowledged;
  const eventStore: EventStore = acknowledged
    ? {
        ...watched.eventStore,
        append: async (stream, events, expected) => {
          const result = await watched.eventStore.append(stream, events, expected);
          if (events.length > 0) acknowledged(stream, result.position);
          return result;
        },
      }
    : watched.eventStore;
  let waitFor: (position: bigint) => Promise<unknown> = async () => undefined;
  const outreach = simulatedOutreach({
    eventStore,
    readStore,
    clock,
    seed: options.seed,
    unsubscribeSecret: 'unsubscribe-secret-for-tests-0123456789',
    waitForReadModels: (position) => waitFor(position),
    log: { error: (fields, message) => logger.error(fields, message) },
    ...(options.compliance ? { compliance: options.compliance } : {}),
    ...(options.callLog ? { callLog: options.callLog } : {}),
    ...(options.webhooks ? { webhooks: options.webhooks } : {}),
  });
  const { app, runner } = await engineApp({
    eventStore,
    readStore,
    logger,
    adminToken: ADMIN_TOKEN,
    clock: () => clock.now(),
    unsubscribeSecret: 'unsubscribe-secret-for-tests-0123456789',
    outreach,
    metrics: watched.metrics,
    ...(options.compliance ? { compliance: options.compliance } : {}),
  });
  waitFor = (position) => runner.waitFor(position, { timeoutMs: 60_000 });
  const completion = campaignCompletion({
    eventStore,
    registry: engineRegistry,
    readStore,
    clock,
    waitForReadModels: waitFor,
  });
  const server = await listenWatched(app);
  const settle = async () => runner.waitFor(await raw.headPosition(), { timeoutMs: 60_000 });

  return {
    clock,
    eventStore,
    readStore,
    outreach,
    client: demoClient(server.url),
    /** Where the API listens, for requests the client does not make (CSV, redirects). */
    url: server.url,
    settle,
    /** One minute of outreach: what is due is dispatched and sent, then time moves on a minute. */
    minute: async () => {
      await outreach.dispatcher.tick();
      await settle();
      await outreach.workflows.tick();
      await settle();
      await completion.tick();
      await settle();
      await clock.advance(MINUTE);
    },
    stop: async () => {
      await outreach.stop();
      watched.stop();
      await server.close(100);
      await runner.stop();
      await readStore.close();
      await raw.close();
    },
  };
};

export type OutreachRig = Awaited<ReturnType<typeof outreachRig>>;
