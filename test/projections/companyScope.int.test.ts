import { expect } from 'chai';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getSqliteReadStore, type SqliteReadStore } from '../../adapters/readstore/sqlite/sqliteReadStore.ts';
import { companyScope } from '../../projections/companyScope.ts';

describe('company-scoped reads', () => {
  let dir: string;
  let store: SqliteReadStore;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'scope-'));
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

  it("answers another company's document as missing", async () => {
    const a = companyScope(store, 'a');
    expect(await a.get('things', 'a1')).to.deep.include({ _id: 'a1' });
    expect(await a.get('things', 'b1')).to.equal(null);
    expect((await a.getMany('things', ['a1', 'b1'])).map((d) => d._id)).to.deep.equal(['a1']);
  });

  it("finds and counts only the company's own documents, whatever the filter says", async () => {
    const a = companyScope(store, 'a');
    expect((await a.find('things', { kind: 'x' })).items.map((d) => d._id)).to.deep.equal(['a1']);
    expect((await a.find('things', { companyId: 'b' })).items).to.deep.equal([]);
    expect(await a.count('things')).to.equal(2);
    expect(await companyScope(store, 'b').count('things', { kind: 'x' })).to.equal(1);
  });
});
