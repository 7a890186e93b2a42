import type { RequestListener } from 'node:http';
import { join } from 'node:path';
import { newEntityId } from '../../adapters/clock/systemClock.ts';
import { virtualClock, type VirtualClock } from '../../adapters/clock/virtualClock.ts';
import { getSqliteEventStore } from '../../adapters/eventstore/sqlite/sqliteEventStore.ts';
import { getSqliteReadStore } from '../../adapters/readstore/sqlite/sqliteReadStore.ts';
import { engineRegistry } from '../../domain/engineEvents.ts';
import { createLogger } from '../../http/logging.ts';
import { listenWatched } from './problemMessages.ts';
import { demoClient } from '../../scripts/demo/demoClient.ts';
import { engineApp } from '../../scripts/engine/engineApp.ts';
import { outreachEngine } from '../../scripts/engine/outreachEngine.ts';
import { ADMIN_TOKEN } from './apiHarness.ts';
import { startFakeTwilio } from './fakeTwilio.ts';

const UNSUBSCRIBE_SECRET = 'unsubscribe-secret-for-tests-0123456789';

/**
 * The whole engine with Twilio as its carrier, pointed at a Twilio-shaped server on 127.0.0.1 that
 * signs its callbacks: the HTTP API and Twilio's webhook routes on one server, on a virtual clock.
 */
export const twilioRig = async (options: { readonly dir: string; readonly start: Date }) => {
  const clock: VirtualClock = virtualClock(options.start);
  const fake = await startFakeTwilio({ clock: () => clock.now() });
  // The server listens first: Twilio signs the full URL, so the engine must know its own address.
  let app: RequestListener = (_req, res) => void res.writeHead(503).end();
  const server = await listenWatched((req, res) => app(req, res));
  const eventStore = getSqliteEventStore({
    path: join(options.dir, 'events.db'),
    registry: engineRegistry,
    pollIntervalMs: 20,
  });
  const readStore = getSqliteReadStore({ path: join(options.dir, 'read.db'), aliasTtlMs: 0 });
  const logger = createLogger({ level: 'silent' });
  let waitFor: (position: bigint) => Promise<unknown> = async () => undefined;
  const outreach = outreachEngine({
    telephony: {
      carrier: 'twilio',
      accountSid: fake.accountSid,
      authToken: fake.authToken,
      apiUrl: fake.url,
      smsFrom: '+13125550199',
    },
    email: { carrier: 'simulated' },
    publicUrl: server.url,
    eventStore,
    readStore,
    registry: engineRegistry,
    scheduler: clock,
    newId: newEntityId,
    unsubscribeSecret: UNSUBSCRIBE_SECRET,
    waitForReadModels: (position) => waitFor(position),
    log: { error: (fields, message) => logger.error(fields, message) },
  });
  const engine = await engineApp({
    eventStore,
    readStore,
    logger,
    adminToken: ADMIN_TOKEN,
    clock: () => clock.now(),
    unsubscribeSecret: UNSUBSCRIBE_SECRET,
    outreach,
    publicUrl: server.url,
  });
  app = engine.app;
  waitFor = (position) => engine.runner.waitFor(position, { timeoutMs: 60_000 });

  return {
    clock,
    fake,
    eventStore,
    readStore,
    client: demoClient(server.url),
    url: server.url,
    /** The engine's express app, for suites that read what it serves. */
    app: engine.app,
    /** Waits for every read model to reach the store's head. */
    settle: async () => engine.runner.waitFor(await eventStore.headPosition(), { timeoutMs: 60_000 }),
    stop: async () => {
      await outreach.stop();
      await server.close(100);
      await engine.runner.stop();
      await fake.close();
      await readStore.close();
      await eventStore.close();
    },
  };
};

export type TwilioRig = Awaited<ReturnType<typeof twilioRig>>;
