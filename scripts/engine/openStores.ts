import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../../adapters/config/config.ts';
import { maskCredentials } from '../../adapters/config/settingCodecs.ts';
import { getSqliteEventStore } from '../../adapters/eventstore/sqlite/sqliteEventStore.ts';
import { getEsdbEventStore } from '../../adapters/eventstore/esdb/esdbEventStore.ts';
import { getSqliteReadStore } from '../../adapters/readstore/sqlite/sqliteReadStore.ts';
import { getMongoReadStore } from '../../adapters/readstore/mongodb/mongoReadStore.ts';
import { openSqliteProjectionLeases } from '../../adapters/readstore/sqlite/sqliteProjectionLeases.ts';
import { getMongoProjectionLeases } from '../../adapters/readstore/mongodb/mongoProjectionLeases.ts';
import type { ProjectionLeases } from '../../projections/projectionLeases.ts';
import type { EventStore } from '../../commands/eventStore.ts';
import type { ReadStore } from '../../projections/readStore.ts';
import type { EventRegistry } from '../../domain/events/eventRegistry.ts';
import { ConfigurationError } from '../../domain/errors.ts';

const REACH_TIMEOUT_MS = 5000;

const reach = async (setting: string, where: string, check: () => Promise<unknown>): Promise<void> => {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${REACH_TIMEOUT_MS / 1000} s`)), REACH_TIMEOUT_MS);
  });
  try {
    await Promise.race([check(), timeout]);
  } catch (error) {
    throw new ConfigurationError(
      setting,
      `cannot reach ${where}: ${error instanceof Error ? error.message : String(error)}`,
    );
  } finally {
    clearTimeout(timer);
  }
};

/** The client reads the connection string's files (tlsCAFile, userCertFile) at once: their errors name the setting. */
const esdbEventStoreOf = (connectionString: string, registry: EventRegistry, maxAppendBytes: number): EventStore => {
  try {
    return getEsdbEventStore({ connectionString, registry, maxAppendBytes });
  } catch (error) {
    throw new ConfigurationError(
      'EVENTSTORE_URL',
      `cannot connect to ${maskCredentials(connectionString)}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
};

/** The projection leases that go with the read store, and a way to let go of what they hold open. */
export type OpenLeases = ProjectionLeases & { close(): void };

/**
 * Opens the event store and read store the configuration names, and proves each answers before
 * the engine starts: an unreachable server fails start-up with the setting to fix.
 */
export const openStores = async (
  config: Config,
  registry: EventRegistry,
  /** Hears of work the stores do on their own and cannot answer to a caller (a retired read-model version's drop). */
  onBackgroundError: (error: unknown) => void = () => undefined,
): Promise<{ eventStore: EventStore; readStore: ReadStore; leases: OpenLeases }> => {
  mkdirSync(config.dataDir, { recursive: true });
  const eventStore =
    config.eventStore.engine === 'sqlite'
      ? getSqliteEventStore({
          path: join(config.dataDir, 'events.db'),
          registry,
          maxAppendBytes: config.eventStore.maxAppendBytes,
        })
      : esdbEventStoreOf(config.eventStore.connectionString, registry, config.eventStore.maxAppendBytes);
  try {
    if (config.eventStore.engine === 'esdb')
      await reach('EVENTSTORE_URL', `EventStoreDB at ${maskCredentials(config.eventStore.connectionString)}`, () =>
        eventStore.headPosition(),
      );
    const readStore =
      config.readStore.engine === 'sqlite'
        ? getSqliteReadStore({ path: join(config.dataDir, 'read.db') })
        : await getMongoReadStore({ url: config.readStore.url, onError: onBackgroundError }).catch((error: unknown) => {
            throw new ConfigurationError('MONGODB_URL', error instanceof Error ? error.message : String(error));
          });
    // Leases live beside the read models, so the processes that share a read store share them.
    const leases: OpenLeases =
      'client' in readStore
        ? { ...getMongoProjectionLeases(readStore.db), close: () => undefined }
        : openSqliteProjectionLeases(join(config.dataDir, 'leases.db'));
    return { eventStore, readStore, leases };
  } catch (error) {
    await eventStore.close().catch(() => undefined);
    throw error;
  }
};
