// `npm start`: the service on the configured stores, with its projections and HTTP API.
import { loadConfig } from '../adapters/config/loadConfig.ts';
import { describeConfig } from '../adapters/config/describeConfig.ts';
import { adminToken } from '../adapters/config/adminToken.ts';
import { unsubscribeSecret } from '../adapters/config/unsubscribeSecret.ts';
import { ConfigurationError } from '../domain/errors.ts';
import { engineRegistry } from '../domain/engineEvents.ts';
import { createLogger } from '../http/logging.ts';
import { listen } from '../http/server.ts';
import { openStores } from './engine/openStores.ts';
import { engineApp } from './engine/engineApp.ts';

const main = async (): Promise<void> => {
  const config = loadConfig(process.env, process.argv.slice(2));
  const logger = createLogger({ level: config.logLevel });
  logger.info({ config: describeConfig(config) }, 'starting');
  const { eventStore, readStore } = await openStores(config, engineRegistry);
  const admin = adminToken(config.adminToken, config.dataDir);
  if (admin.created) logger.info({ file: admin.file }, 'created the platform admin token; it is in this file');
  else if (admin.file) logger.info({ file: admin.file }, 'platform admin token is in this file');

  const { app, runner } = await engineApp({
    eventStore,
    readStore,
    logger,
    adminToken: admin.token,
    unsubscribeSecret: unsubscribeSecret(config.unsubscribeSecret, config.dataDir),
    limits: { jsonBytes: config.http.jsonLimitBytes, csvBytes: config.http.csvLimitBytes },
    readyMaxLag: config.http.readyMaxLag,
    ...(config.publicUrl ? { publicUrl: config.publicUrl } : {}),
  });
  const server = await listen(app, { port: config.port });
  logger.info({ url: server.url, port: server.port }, 'listening');

  const stop = async (signal: string) => {
    logger.info({ signal }, 'stopping');
    await server.close();
    await runner.stop();
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
