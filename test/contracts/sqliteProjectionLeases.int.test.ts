import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getSqliteReadStore, type SqliteReadStore } from '../../adapters/readstore/sqlite/sqliteReadStore.ts';
import { sqliteProjectionLeases } from '../../adapters/readstore/sqlite/sqliteProjectionLeases.ts';
import { projectionLeasesContract } from './projectionLeasesContract.ts';

describe('ProjectionLeases contract: SQLite', () => {
  let dir: string;
  const opened: SqliteReadStore[] = [];
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'leases-'));
  });
  after(async () => {
    for (const store of opened.splice(0)) await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  // Each view is a read store connection of its own to one file, as two engine processes would open it.
  projectionLeasesContract({
    open: async () => {
      const store = getSqliteReadStore({ path: join(dir, 'read.db'), writerThread: false });
      opened.push(store);
      return sqliteProjectionLeases(store.db);
    },
  });
});
