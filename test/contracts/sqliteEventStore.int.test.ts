import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getSqliteEventStore, type SqliteEventStore } from '../../adapters/eventstore/sqlite/sqliteEventStore.ts';
import { tallyRegistry } from '../support/tally.ts';
import { eventStoreContract } from './eventStoreContract.ts';
import { eventId } from '../../commands/eventIds.ts';

describe('EventStore contract: SQLite', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'eventstore-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  eventStoreContract({
    open: async () =>
      getSqliteEventStore({ path: join(dir, 'events.db'), registry: tallyRegistry, pollIntervalMs: 20 }),
    appendRaw: async (store, stream, type, data, schemaVersion) => {
      const metadata = {
        companyId: 'company-1',
        commandId: stream,
        correlationId: stream,
        causationId: stream,
        actor: 'test',
        occurredAt: new Date().toISOString(),
        schemaVersion,
      };
      (store as SqliteEventStore).db
        .prepare('INSERT INTO events (id, stream, revision, type, data, metadata) VALUES (?, ?, 0, ?, ?, ?)')
        .run(eventId(stream, 0, new Date()), stream, type, JSON.stringify(data), JSON.stringify(metadata));
    },
  });
});
