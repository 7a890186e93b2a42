import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getSqliteReadStore } from '../../adapters/readstore/sqlite/sqliteReadStore.ts';
import { readStoreContract } from './readStoreContract.ts';

describe('ReadStore contract: SQLite', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'readstore-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  readStoreContract({ open: async () => getSqliteReadStore({ path: join(dir, 'read.db') }) });
});
