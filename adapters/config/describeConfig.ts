import type { Config } from './config.ts';
import { maskCredentials } from './settingCodecs.ts';

/** The configuration as it may be logged at startup: secrets and URL passwords masked. */
export const describeConfig = (config: Config): Record<string, unknown> => ({
  ...config,
  adminToken: config.adminToken === undefined ? undefined : '***',
  ...(config.unsubscribeSecret === undefined ? {} : { unsubscribeSecret: '***' }),
  eventStore:
    config.eventStore.engine === 'esdb'
      ? { ...config.eventStore, connectionString: maskCredentials(config.eventStore.connectionString) }
      : config.eventStore,
  readStore:
    config.readStore.engine === 'mongodb'
      ? { ...config.readStore, url: maskCredentials(config.readStore.url) }
      : config.readStore,
  telephony: config.telephony.carrier === 'twilio' ? { ...config.telephony, authToken: '***' } : config.telephony,
});
