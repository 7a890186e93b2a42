import { expect } from 'chai';
import fc from 'fast-check';
import type { CollectionSpec, Doc, Filter, ReadStore, Scalar, Sort } from '../../projections/readStore.ts';
import { matches } from '../../projections/query/matches.ts';
import { compareInSortOrder, fullSort } from '../../projections/query/keyset.ts';
import { ValidationError } from '../../domain/errors.ts';

export type ReadStoreFactory = { open(): Promise<ReadStore> };

// Filter fields of every kind: an object, a nested string and a boolean, beside the indexed ones.
const contacts: CollectionSpec = {
  name: 'contacts',
  indexes: [
    {
      fields: [
        ['status', 1],
        ['attempts', -1],
      ],
    },
    { fields: [['companyId', 1]] },
  ],
  filterFields: ['window', 'window.state', 'optedOut'],
};

let projectionSequence = 0;
/** Each test writes a projection of its own, so adapters that share a server never mix tests. */
const uniqueProjection = () => `contract${Date.now().toString(36)}${++projectionSequence}`;

const statuses = ['active', 'completed', 'Completed (All Calls)', 'ÉLAN', ''];
/** Documents whose fields are sometimes missing, null, or of another type, to pin the edge cases. */
const fixtureDocs = (): Doc[] =>
  Array.from({ length: 60 }, (_, i) => {
    const doc: Record<string, unknown> = {
      _id: `doc-${String(i).padStart(3, '0')}`,
      companyId: i % 3 === 0 ? 'company-b' : 'company-a',
    };
    if (i % 7 !== 0) doc['status'] = statuses[i % statuses.length];
    if (i % 5 !== 0) doc['attempts'] = i % 4 === 0 ? null : (i * 7) % 11;
    if (i % 6 === 1) doc['attempts'] = String(i);
    doc['optedOut'] = i % 4 === 0;
    if (i % 2 === 0) doc['window'] = { state: i % 3 === 0 ? 'FL' : 'TX', score: i / 4 };
    return doc as Doc;
  });

const scalar: fc.Arbitrary<Scalar> = fc.oneof(
  fc.constantFrom<Scalar>(null, true, false, 0, 3, 5.5, 7, 'active', 'completed', 'FL', 'TX', '', '7', 'ÉLAN'),
  fc.integer({ min: -2, max: 12 }),
);
const field = fc.constantFrom(
  'status',
  'attempts',
  'optedOut',
  'window',
  'window.state',
  'window.score',
  'missing',
  '_id',
  'companyId',
);
const condition = fc.oneof(
  scalar,
  fc.record({ $eq: scalar }),
  fc.record({ $ne: scalar }),
  fc.record({ $in: fc.array(scalar, { maxLength: 3 }) }),
  fc.record({ $gt: scalar }),
  fc.record({ $gte: scalar }),
  fc.record({ $lt: scalar }),
  fc.record({ $lte: scalar }),
  fc.record({ $exists: fc.boolean() }),
  fc.record({ $gte: scalar, $lt: scalar }),
);
const leaf: fc.Arbitrary<Filter> = fc.tuple(field, condition).map(([f, c]) => ({ [f]: c }) as Filter);
const filterArb: fc.Arbitrary<Filter> = fc.letrec<{ filter: Filter }>((tie) => ({
  filter: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.array(tie('filter'), { minLength: 1, maxLength: 3 }).map((fs) => ({ $and: fs })),
    fc.array(tie('filter'), { minLength: 1, maxLength: 3 }).map((fs) => ({ $or: fs })),
  ),
})).filter;
const sortArb: fc.Arbitrary<Sort> = fc.uniqueArray(
  fc.tuple(fc.constantFrom('status', 'attempts', 'window.state', 'optedOut'), fc.constantFrom<1 | -1>(1, -1)),
  { maxLength: 2, selector: ([f]) => f },
);

/** The semantics every ReadStore adapter must have; run once per adapter. */
export const readStoreContract = (factory: ReadStoreFactory) => {
  let store: ReadStore;
  let projection: string;
  beforeEach(async () => {
    store = await factory.open();
    projection = uniqueProjection();
  });
  afterEach(() => store.close());

  const collection = () => ({ ...contacts, name: `${projection}_contacts` });
  const seed = async (docs: Doc[], version = 1) => {
    await store.prepare(version, [collection()]);
    await store.activate(projection, version, [collection()]);
    await store.commit({
      projection,
      version,
      checkpoint: 10n,
      changes: docs.map((doc) => ({ op: 'upsert', collection: collection().name, doc, position: 10n })),
    });
  };

  it('gets documents by id, one or many, in the order asked', async () => {
    await seed(fixtureDocs());
    expect(await store.get(collection().name, 'doc-004')).to.deep.include({ _id: 'doc-004', companyId: 'company-a' });
    expect(await store.get(collection().name, 'nope')).to.equal(null);
    const many = await store.getMany(collection().name, ['doc-010', 'nope', 'doc-002']);
    expect(many.map((d) => d._id)).to.deep.equal(['doc-010', 'doc-002']);
  });

  it('answers nothing from a collection no version has been activated for', async () => {
    expect(await store.get('never_made', 'x')).to.equal(null);
    expect(await store.find('never_made', {})).to.deep.equal({ items: [], next: null });
    expect(await store.count('never_made', {})).to.equal(0);
  });

  it('finds and counts exactly what the reference filter semantics match', async () => {
    const docs = fixtureDocs();
    await seed(docs);
    await fc.assert(
      fc.asyncProperty(filterArb, async (filter) => {
        const expected = docs
          .filter((d) => matches(d, filter))
          .map((d) => d._id)
          .sort();
        const found = await store.find(collection().name, filter, { limit: 1000 });
        expect(found.items.map((d) => d._id).sort(), JSON.stringify(filter)).to.deep.equal(expected);
        expect(await store.count(collection().name, filter)).to.equal(expected.length);
      }),
      { numRuns: 300 },
    );
  });

  it('pages with keyset cursors through every match in sort order, each exactly once', async () => {
    const docs = fixtureDocs().filter((d) => typeof d['attempts'] !== 'string');
    await seed(docs);
    await fc.assert(
      fc.asyncProperty(sortArb, fc.integer({ min: 1, max: 9 }), filterArb, async (sort, limit, filter) => {
        const expected = docs
          .filter((d) => matches(d, filter))
          .sort(compareInSortOrder(fullSort(sort)))
          .map((d) => d._id);
        const seen: string[] = [];
        let after: string | undefined;
        for (let pages = 0; pages < 100; pages++) {
          const page = await store.find(collection().name, filter, { sort, limit, ...(after ? { after } : {}) });
          seen.push(...page.items.map((d) => d._id));
          if (!page.next) break;
          after = page.next;
        }
        expect(seen, JSON.stringify({ sort, filter })).to.deep.equal(expected);
      }),
      { numRuns: 150 },
    );
  });

  it('refuses filters outside the subset, naming the path', async () => {
    await seed([]);
    const refused = async (filter: unknown) => {
      const error = await store.find(collection().name, filter as Filter).catch((e: unknown) => e);
      expect(error).to.be.instanceOf(ValidationError);
      return (error as ValidationError).errors.map((e) => e.path);
    };
    expect(await refused({ status: { $regex: 'a' } })).to.deep.equal(['status.$regex']);
    expect(await refused({ $where: 'x' })).to.deep.equal(['$where']);
    expect(await refused({ status: { $in: 'active' } })).to.deep.equal(['status.$in']);
    expect(await refused({ "x'); DROP TABLE t; --": 1 })).to.have.length(1);
    const badCursor = await store.find(collection().name, {}, { after: 'garbage' }).catch((e: unknown) => e);
    expect(badCursor).to.be.instanceOf(ValidationError);
  });

  it('commits a batch with its checkpoint, and a replayed older change never overwrites a newer one', async () => {
    await seed([{ _id: 'a', companyId: 'c', n: 1 }]);
    const name = collection().name;
    await store.commit({
      projection,
      version: 1,
      checkpoint: 20n,
      changes: [{ op: 'upsert', collection: name, doc: { _id: 'a', companyId: 'c', n: 2 }, position: 20n }],
    });
    await store.commit({
      projection,
      version: 1,
      checkpoint: 15n,
      changes: [{ op: 'upsert', collection: name, doc: { _id: 'a', companyId: 'c', n: 99 }, position: 15n }],
    });
    expect(await store.get(name, 'a')).to.deep.equal({ _id: 'a', companyId: 'c', n: 2 });
    const state = await store.projectionState(projection);
    expect(state).to.deep.equal({ activeVersion: 1, checkpoints: { 1: 20n } });
    const forUpdate = await store.getForUpdate(1, name, ['a', 'b']);
    expect([...forUpdate.keys()]).to.deep.equal(['a']);
    expect(forUpdate.get('a')!.position).to.equal(20n);
  });

  it('deletes documents', async () => {
    await seed([
      { _id: 'a', companyId: 'c' },
      { _id: 'b', companyId: 'c' },
    ]);
    await store.commit({
      projection,
      version: 1,
      checkpoint: 30n,
      changes: [{ op: 'delete', collection: collection().name, id: 'a', position: 30n }],
    });
    expect(await store.count(collection().name, {})).to.equal(1);
  });

  it('builds a new version beside the old one and swaps readers over on activate', async () => {
    await seed([{ _id: 'a', companyId: 'c', v: 1 }]);
    const name = collection().name;
    await store.prepare(2, [collection()]);
    await store.commit({
      projection,
      version: 2,
      checkpoint: 5n,
      changes: [{ op: 'upsert', collection: name, doc: { _id: 'a', companyId: 'c', v: 2 }, position: 5n }],
    });
    expect(await store.get(name, 'a')).to.deep.include({ v: 1 });
    await store.activate(projection, 2, [collection()]);
    expect(await store.get(name, 'a')).to.deep.include({ v: 2 });
    expect(await store.projectionState(projection)).to.deep.equal({ activeVersion: 2, checkpoints: { 2: 5n } });
  });

  it('answers ping', async () => {
    expect(await store.ping()).to.equal(true);
  });
};
