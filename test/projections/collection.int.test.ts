import { expect } from 'chai';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getSqliteReadStore, type SqliteReadStore } from '../../adapters/readstore/sqlite/sqliteReadStore.ts';
import { collection } from '../../projections/collection.ts';
import { companyScope } from '../../projections/companyScope.ts';
import type { Doc } from '../../projections/readStore.ts';

type Thing = Doc & { readonly kind: string };

describe('typed collections', () => {
  let dir: string;
  let store: SqliteReadStore;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'collection-'));
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

  it('given documents in a collection, when read through its handle, then get, getMany, find and count answer them', async () => {
    const things = collection<Thing>(store, 'things');
    expect((await things.get('a1'))?.kind).to.equal('x');
    expect(await things.get('missing')).to.equal(null);
    expect((await things.getMany(['a2', 'b1'])).map((thing) => thing.kind).sort()).to.deep.equal(['x', 'y']);
    expect((await things.find({ kind: 'x' })).items.map((thing) => thing._id)).to.deep.equal(['a1', 'b1']);
    expect(await things.count({ kind: 'x' })).to.equal(2);
  });

  it("given a company's scope, when read through a handle on it, then another company's documents stay missing", async () => {
    const things = collection<Thing>(companyScope(store, 'a'), 'things');
    expect(await things.get('b1')).to.equal(null);
    expect((await things.find({ kind: 'x' })).items.map((thing) => thing._id)).to.deep.equal(['a1']);
    expect(await things.count({})).to.equal(2);
  });
});
