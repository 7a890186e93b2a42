// `npm start`: the service on the configured stores, with its projections and HTTP API.
import { loadConfig } from '../adapters/config/loadConfig.ts';
import { describeConfig } from '../adapters/config/describeConfig.ts';
import { configUsage } from '../adapters/config/settings.ts';
import { adminToken } from '../adapters/config/adminToken.ts';
import { unsubscribeSecret } from '../adapters/config/unsubscribeSecret.ts';
import { endedHolder, leaseHolder } from '../adapters/config/leaseHolder.ts';
import { ConfigurationError } from '../domain/errors.ts';
import { engineRegistry } from '../domain/engineEvents.ts';
import { createLogger } from '../http/logging.ts';
import { listen } from '../http/server.ts';
import { openStores } from './engine/openStores.ts';
import { engineApp } from './engine/engineApp.ts';
import { outreachEngine } from './engine/outreachEngine.ts';
import { newEntityId } from '../adapters/clock/systemClock.ts';
import { complianceRules } from '../domain/compliance/complianceRules.ts';
import { applyComplianceRules } from '../commands/compliance/applyComplianceRules.ts';
import { serviceClock } from './engine/serviceClock.ts';
import { watchedEventStore } from './engine/watchedEventStore.ts';
import { defaultStreamStateBounds, keepStreamStates } from '../commands/streamStates.ts';

const usage = `Usage: npm start -- [flags]

The service on the configured stores: the HTTP API, the projections and outreach. Every setting is read
from its environment variable or its flag (a flag wins); unset ones take the defaults below.

${configUsage()}
  -h, --help             this text, then exit

Exit codes: 2 a bad flag or setting (each one named), 1 anything else; 0 after SIGINT or SIGTERM.`;

const main = async (): Promise<void> => {
  const argv = process.argv.slice(2);
  if (argv.includes('--help') || argv.includes('-h')) return void process.stdout.write(`${usage}\n`);
  const config = loadConfig(process.env, argv);
  const logger = createLogger({ level: config.logLevel });
  logger.info({ config: describeConfig(config) }, 'starting');
  const stores = await openStores(config, engineRegistry, (error) =>
    logger.error({ err: error }, 'read store background work failed; it is retried at the next start or swap'),
  );
  const { readStore, leases } = stores;
  const clock = await serviceClock(
    config.simulatedClock,
    { eventStore: stores.eventStore, embedded: config.eventStore.engine === 'sqlite' },
    (error) => logger.error({ err: error }, 'scheduled outreach work failed'),
  );
  for (const notice of clock.notices) logger[notice.level](notice.fields, notice.message);
  // Outreach log lines and metrics come from what this process appends, so no two processes tell the same event.
  const watched = watchedEventStore({ eventStore: stores.eventStore, readStore, logger, clock: clock.scheduler });
  const { eventStore } = watched;
  keepStreamStates(eventStore, { ...defaultStreamStateBounds, maxBytes: config.commandCacheBytes });
  // One rules value for every rule that follows configuration: settings, launch, dispatch, texts, consent.
  const compliance = complianceRules(config.compliance);
  const applied = await applyComplianceRules(
    { store: eventStore, registry: engineRegistry },
    config.compliance,
    clock.scheduler.now(),
  );
  for (const widening of applied.widerThanShipped)
    logger.warn(widening, 'compliance rule wider than shipped, acknowledged');
  const holder = leaseHolder(config.projectionLeases.holder);
  const admin = adminToken(config.adminToken, config.dataDir);
  if (admin.created) logger.info({ file: admin.file }, 'created the platform admin token; it is in this file');
  else if (admin.file) logger.info({ file: admin.file }, 'platform admin token is in this file');

  const secret = unsubscribeSecret(config.unsubscribeSecret, config.dataDir);
  // The outreach side waits on the projections the engine app starts: bound once both exist.
  let waitFor: (position: bigint) => Promise<unknown> = async () => undefined;
  const outreach = outreachEngine({
    telephony: config.telephony,
    email: config.email,
    publicUrl: config.publicUrl ?? `http://127.0.0.1:${config.port}`,
    eventStore,
    readStore,
    registry: engineRegistry,
    scheduler: clock.scheduler,
    newId: newEntityId,
    unsubscribeSecret: secret,
    waitForReadModels: (position) => waitFor(position),
    log: logger,
    compliance,
    webhooks: { allowPrivate: config.webhooks.allowPrivate },
  });
  const { app, runner } = await engineApp({
    eventStore,
    readStore,
    logger,
    outreach,
    adminToken: admin.token,
    clock: () => clock.scheduler.now(),
    unsubscribeSecret: secret,
    limits: { jsonBytes: config.http.jsonLimitBytes, csvBytes: config.http.csvLimitBytes },
    readyMaxLag: config.http.readyMaxLag,
    ...(config.publicUrl ? { publicUrl: config.publicUrl } : {}),
    projectionLeases: { leases, holder, leaseMs: config.projectionLeases.leaseMs, gone: endedHolder(holder) },
    compliance,
    allowPrivateWebhooks: config.webhooks.allowPrivate,
    webhookRetry: outreach.webhooks.retry,
    metrics: watched.metrics,
  });
  waitFor = (position) => runner.waitFor(position, { timeoutMs: 10_000 });
  const server = await listen(app, { port: config.port });
  logger.info({ url: server.url, port: server.port }, 'listening');
  outreach.start();
  logger.info({ telephony: config.telephony.carrier, email: config.email.carrier }, 'outreach running');

  const stop = async (signal: string) => {
    logger.info({ signal }, 'stopping');
    await outreach.stop();
    watched.stop();
    await server.close();
    await runner.stop();
    leases.close();
    await readStore.close();
    await eventStore.close();
    logger.info('stopped');
    process.exit(0);
  };
  process.once('SIGINT', (signal) => void stop(signal));
  process.once('SIGTERM', (signal) => void stop(signal));
};

main().catch((error: unknown) => {
  if (error instanceof ConfigurationError) {
    console.error(`configuration error: ${error.message}`);
    process.exit(2);
  }
  console.error(error);
  process.exit(1);
});
