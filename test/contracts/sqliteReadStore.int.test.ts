import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getSqliteReadStore } from '../../adapters/readstore/sqlite/sqliteReadStore.ts';
import { expect } from 'chai';
import { readStoreContract } from './readStoreContract.ts';

describe('ReadStore contract: SQLite', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'readstore-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  readStoreContract({ open: async () => getSqliteReadStore({ path: join(dir, 'read.db') }) });
});

describe('SQLite read store: indexes', () => {
  it("bulk-builds a version's declared indexes when it is activated, not while it is prepared", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'readstore-'));
    const store = getSqliteReadStore({ path: join(dir, 'read.db'), writerThread: false });
    try {
      const spec = {
        name: 'contacts',
        indexes: [
          {
            fields: [
              ['status', 1],
              ['attempts', -1],
            ] as [string, 1 | -1][],
          },
        ],
      };
      const indexes = () =>
        store.db
          .prepare(
            "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'contacts_v1' AND sql IS NOT NULL",
          )
          .pluck()
          .all();
      await store.prepare(1, [spec]);
      await store.commit({
        projection: 'p',
        version: 1,
        checkpoint: 1n,
        changes: [
          {
            op: 'upsert',
            collection: 'contacts',
            doc: { _id: 'a', companyId: 'c', status: 'active', attempts: 2 },
            position: 1n,
          },
        ],
      });
      expect(indexes()).to.deep.equal([]);
      await store.activate('p', 1, [spec]);
      expect(indexes()).to.deep.equal([
        'CREATE INDEX "contacts_v1_index_0" ON "contacts_v1" ("key:status" ASC, "key:attempts" DESC)',
      ]);
      const plan = store.db
        .prepare(`EXPLAIN QUERY PLAN SELECT doc FROM contacts_v1 WHERE "key:status" = 'active'`)
        .all() as { detail: string }[];
      expect(plan.map((p) => p.detail).join(' ')).to.contain('USING INDEX contacts_v1_index_0');
      expect((await store.find('contacts', { status: 'active' })).items.map((d) => d._id)).to.deep.equal(['a']);
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps filter fields in key columns without indexing them, also filling a column added to an existing table', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'readstore-'));
    const store = getSqliteReadStore({ path: join(dir, 'read.db'), writerThread: false });
    try {
      const before = { name: 'contacts', indexes: [{ fields: [['status', 1]] as [string, 1 | -1][] }] };
      await store.prepare(1, [before]);
      await store.commit({
        projection: 'p',
        version: 1,
        checkpoint: 1n,
        changes: [
          {
            op: 'upsert',
            collection: 'contacts',
            doc: { _id: 'a', companyId: 'c', status: 'active', nameKey: 'kara brown' },
            position: 1n,
          },
        ],
      });
      const spec = { ...before, filterFields: ['nameKey'] };
      await store.prepare(1, [spec]);
      await store.activate('p', 1, [spec]);
      await store.commit({
        projection: 'p',
        version: 1,
        checkpoint: 2n,
        changes: [
          {
            op: 'upsert',
            collection: 'contacts',
            doc: { _id: 'b', companyId: 'c', status: 'active', nameKey: 'karl marx' },
            position: 2n,
          },
        ],
      });
      const columns = store.db
        .prepare(
          `SELECT name, "key:nameKey" AS value FROM (SELECT _id AS name, "key:nameKey" FROM contacts_v1) ORDER BY name`,
        )
        .all();
      expect(columns).to.deep.equal([
        { name: 'a', value: 'kara brown' },
        { name: 'b', value: 'karl marx' },
      ]);
      const indexed = store.db
        .prepare(
          "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'contacts_v1' AND sql LIKE '%nameKey%'",
        )
        .all();
      expect(indexed).to.deep.equal([]);
      expect(
        (await store.find('contacts', { nameKey: { $gte: 'karl', $lt: 'karl\uffff' } })).items.map((d) => d._id),
      ).to.deep.equal(['b']);
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
