import { expect } from 'chai';
import fc from 'fast-check';
import { Long, type AnyBulkWriteOperation } from 'mongodb';
import { bulkChanges, netChanges } from '../../../../adapters/readstore/mongodb/bulkChanges.ts';
import { fromStoredPosition } from '../../../../adapters/readstore/mongodb/positions.ts';
import { POSITION_FIELD, type StoredDoc } from '../../../../adapters/readstore/mongodb/storedDocs.ts';
import type { DocumentChange, ProjectionBatch } from '../../../../projections/readStore.ts';

const upsert = (
  collection: string,
  id: string,
  position: bigint,
  extra: Record<string, unknown> = {},
): DocumentChange => ({
  op: 'upsert',
  collection,
  doc: { _id: id, companyId: 'c', ...extra },
  position,
});
const remove = (collection: string, id: string, position: bigint): DocumentChange => ({
  op: 'delete',
  collection,
  id,
  position,
});
const batch = (changes: DocumentChange[], version = 3): ProjectionBatch => ({
  projection: 'p',
  version,
  checkpoint: 99n,
  changes,
});

type Stored = { position: bigint; tag: string } | undefined;

/** The reference: changes applied one by one in order, each guarded by position (the SQLite adapter's statements). */
const applyInOrder = (initial: Stored, changes: readonly DocumentChange[]): Stored =>
  changes.reduce<Stored>((doc, change) => {
    if (change.op === 'delete') return doc && doc.position <= change.position ? undefined : doc;
    return !doc || change.position > doc.position ? { position: change.position, tag: String(change.doc['tag']) } : doc;
  }, initial);

const guard = (filter: Record<string, unknown>, stored: bigint): boolean => {
  const condition = filter[POSITION_FIELD] as { $lt?: Long; $lte?: Long };
  if (condition.$lt) return stored < fromStoredPosition(condition.$lt);
  return stored <= fromStoredPosition(condition.$lte);
};

/** What MongoDB does with the operations of one document, in the given order (stale upserts end in an ignored duplicate key). */
const applyAsMongo = (initial: Stored, operations: readonly AnyBulkWriteOperation<StoredDoc>[]): Stored =>
  operations.reduce<Stored>((doc, operation) => {
    if ('deleteOne' in operation)
      return doc && guard(operation.deleteOne.filter as Record<string, unknown>, doc.position) ? undefined : doc;
    if (!('replaceOne' in operation)) throw new Error('unexpected operation');
    const { filter, replacement, upsert: upserts } = operation.replaceOne;
    expect(upserts).to.equal(true);
    const matched = doc !== undefined && guard(filter as Record<string, unknown>, doc.position);
    if (!matched && doc) return doc;
    return { position: fromStoredPosition(replacement[POSITION_FIELD]), tag: String(replacement['tag']) };
  }, initial);

describe('MongoDB read store: batch to bulkWrite operations', () => {
  it('upserts with replaceOne guarded by an older position, and deletes guarded by a position not newer', () => {
    const operations = bulkChanges(batch([upsert('contacts', 'a', 12n, { n: 1 }), remove('contacts', 'b', 13n)])).get(
      'contacts_v3',
    )!;
    expect(operations).to.have.length(2);
    const [replace, del] = operations as unknown as [
      { replaceOne: Record<string, any> },
      { deleteOne: Record<string, any> },
    ];
    expect(replace.replaceOne['upsert']).to.equal(true);
    expect(replace.replaceOne['filter']['_id']).to.equal('a');
    expect(Object.keys(replace.replaceOne['filter'][POSITION_FIELD])).to.deep.equal(['$lt']);
    expect(replace.replaceOne['filter'][POSITION_FIELD].$lt.toBigInt()).to.equal(12n);
    expect(replace.replaceOne['replacement']).to.deep.include({ _id: 'a', companyId: 'c', n: 1 });
    expect(replace.replaceOne['replacement'][POSITION_FIELD].toBigInt()).to.equal(12n);
    expect(del.deleteOne['filter']['_id']).to.equal('b');
    expect(Object.keys(del.deleteOne['filter'][POSITION_FIELD])).to.deep.equal(['$lte']);
    expect(del.deleteOne['filter'][POSITION_FIELD].$lte.toBigInt()).to.equal(13n);
  });

  it('groups operations by the physical collection of the batch version', () => {
    const grouped = bulkChanges(
      batch([upsert('contacts', 'a', 1n), upsert('calls', 'x', 2n), remove('contacts', 'b', 3n)], 7),
    );
    expect([...grouped.keys()].sort()).to.deep.equal(['calls_v7', 'contacts_v7']);
    expect(grouped.get('contacts_v7')).to.have.length(2);
    expect(grouped.get('calls_v7')).to.have.length(1);
  });

  it('sends nothing for a batch without changes', () => {
    expect(bulkChanges(batch([])).size).to.equal(0);
  });

  it('sends one operation per document, the last change, and keeps equal ids of different collections apart', () => {
    const net = netChanges([
      upsert('contacts', 'a', 1n, { tag: 'first' }),
      upsert('calls', 'a', 1n),
      remove('contacts', 'a', 2n),
      upsert('contacts', 'a', 3n, { tag: 'last' }),
    ]);
    expect(net.map(({ change }) => [change.collection, change.op, change.position])).to.deep.equal([
      ['contacts', 'upsert', 3n],
      ['calls', 'upsert', 1n],
    ]);
  });

  it('keeps the first of two upserts at one position, as the guarded statements applied in order do', () => {
    const [net] = netChanges([
      upsert('contacts', 'a', 5n, { tag: 'first' }),
      upsert('contacts', 'a', 5n, { tag: 'second' }),
    ]);
    expect(net!.change.op === 'upsert' && net!.change.doc['tag']).to.equal('first');
  });

  it('lets an upsert that follows a delete at its own position overwrite a document at that position', () => {
    const [operation] = bulkChanges(batch([remove('contacts', 'a', 5n), upsert('contacts', 'a', 5n)])).get(
      'contacts_v3',
    )!;
    const filter = (operation as { replaceOne: { filter: Record<string, Record<string, Long>> } }).replaceOne.filter;
    expect(Object.keys(filter[POSITION_FIELD]!)).to.deep.equal(['$lte']);
  });

  it('leaves every document as applying the changes in order would, whatever order MongoDB runs the groups in', () => {
    const changeArb = fc.record({ op: fc.constantFrom('upsert', 'delete'), step: fc.integer({ min: 0, max: 2 }) });
    const initialArb = fc.option(
      fc.record({ position: fc.bigInt({ min: 0n, max: 12n }), tag: fc.constant('initial') }),
      { nil: undefined },
    );
    fc.assert(
      fc.property(
        initialArb,
        fc.integer({ min: 0, max: 6 }),
        fc.array(changeArb, { maxLength: 8 }),
        (initial, start, steps) => {
          let position = BigInt(start);
          const changes = steps.map(({ op, step }, i): DocumentChange => {
            position += BigInt(step);
            return op === 'delete'
              ? remove('contacts', 'a', position)
              : upsert('contacts', 'a', position, { tag: `change-${i}` });
          });
          const operations = bulkChanges(batch(changes)).get('contacts_v3') ?? [];
          expect(operations.length).to.be.at.most(1);
          const expected = applyInOrder(initial, changes);
          expect(applyAsMongo(initial, operations)).to.deep.equal(expected);
          expect(applyAsMongo(initial, [...operations].reverse())).to.deep.equal(expected);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
