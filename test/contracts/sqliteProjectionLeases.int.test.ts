import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect } from 'chai';
import { openSqliteProjectionLeases } from '../../adapters/readstore/sqlite/sqliteProjectionLeases.ts';
import { projectionLeasesContract } from './projectionLeasesContract.ts';

describe('ProjectionLeases contract: SQLite', () => {
  let dir: string;
  const opened: { close(): void }[] = [];
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'leases-'));
  });
  after(() => {
    for (const leases of opened.splice(0)) leases.close();
    rmSync(dir, { recursive: true, force: true });
  });

  // Each view is a connection of its own to one file, as two engine processes would open it.
  projectionLeasesContract({
    open: async () => {
      const leases = openSqliteProjectionLeases(join(dir, 'leases.db'));
      opened.push(leases);
      return leases;
    },
  });

  it('renews at once while the read store is in the middle of a commit', async () => {
    const read = new Database(join(dir, 'read.db'));
    read.pragma('journal_mode = WAL');
    const leases = openSqliteProjectionLeases(join(dir, 'leases.db'));
    opened.push(leases);
    read.exec(
      "CREATE TABLE IF NOT EXISTS docs (id TEXT PRIMARY KEY); BEGIN IMMEDIATE; INSERT INTO docs VALUES ('held')",
    );
    try {
      const started = performance.now();
      const lease = await leases.acquire('campaigns', 'engine-1', new Date(), 15_000);
      expect(lease?.holder).to.equal('engine-1');
      expect(performance.now() - started).to.be.below(1000);
    } finally {
      read.exec('ROLLBACK');
      read.close();
    }
  });
});
