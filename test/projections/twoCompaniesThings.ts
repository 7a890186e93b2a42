import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getSqliteReadStore, type SqliteReadStore } from '../../adapters/readstore/sqlite/sqliteReadStore.ts';

/** A read store holding one collection, `things`: a1 (x) and a2 (y) of company a, b1 (x) of company b. */
export const twoCompaniesThings = () => {
  let dir: string;
  let store: SqliteReadStore;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'things-'));
    store = getSqliteReadStore({ path: join(dir, 'read.db'), writerThread: false });
    const spec = { name: 'things', indexes: [{ fields: [['companyId', 1]] as [string, 1][] }] };
    await store.prepare(1, [spec]);
    await store.activate('things', 1, [spec]);
    await store.commit({
      projection: 'things',
      version: 1,
      checkpoint: 3n,
      changes: [
        { op: 'upsert', collection: 'things', doc: { _id: 'a1', companyId: 'a', kind: 'x' }, position: 1n },
        { op: 'upsert', collection: 'things', doc: { _id: 'a2', companyId: 'a', kind: 'y' }, position: 2n },
        { op: 'upsert', collection: 'things', doc: { _id: 'b1', companyId: 'b', kind: 'x' }, position: 3n },
      ],
    });
  });
  after(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return { store: () => store };
};
