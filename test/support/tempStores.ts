import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getSqliteEventStore, type SqliteEventStore } from '../../adapters/eventstore/sqlite/sqliteEventStore.ts';
import { getSqliteReadStore, type SqliteReadStore } from '../../adapters/readstore/sqlite/sqliteReadStore.ts';
import type { EventRegistry } from '../../domain/events/eventRegistry.ts';

/** Embedded stores in a fresh temporary folder, removed again by `dispose`; `maxAppendBytes` as the store takes it. */
export const tempStores = (registry: EventRegistry, options: { maxAppendBytes?: number } = {}) => {
  const dir = mkdtempSync(join(tmpdir(), 'outreach-'));
  const open = () => ({
    eventStore: getSqliteEventStore({ path: join(dir, 'events.db'), registry, pollIntervalMs: 20, ...options }),
    readStore: getSqliteReadStore({ path: join(dir, 'read.db'), aliasTtlMs: 0 }),
  });
  let stores: { eventStore: SqliteEventStore; readStore: SqliteReadStore } = open();
  return {
    dir,
    get eventStore() {
      return stores.eventStore;
    },
    get readStore() {
      return stores.readStore;
    },
    /** Closes and opens the same files again, as a restarted process would. */
    reopen: async () => {
      await stores.eventStore.close();
      await stores.readStore.close();
      stores = open();
    },
    dispose: async () => {
      await stores.eventStore.close().catch(() => {});
      await stores.readStore.close().catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    },
  };
};
