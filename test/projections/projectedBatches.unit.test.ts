import { expect } from 'chai';
import type { RecordedEvent } from '../../domain/events/event.ts';
import type { Projection } from '../../projections/projection.ts';
import { projectedBatches } from '../../projections/projectedBatches.ts';
import type { DocumentChange, Versioned } from '../../projections/readStore.ts';

/** Counts, per document, the events that touched it. */
const touches: Projection = {
  name: 'touches',
  version: 1,
  collections: [{ name: 'touched', indexes: [] }],
  eventTypes: ['Touched'],
  project: (event) =>
    (event.data as { ids: string[] }).ids.map((id) => ({
      collection: 'touched',
      id,
      apply: (current) => ({
        _id: id,
        companyId: 'company-1',
        count: ((current?.count as number | undefined) ?? 0) + 1,
      }),
    })),
};

const touched = (position: number, ids: string[]): RecordedEvent =>
  ({
    id: `e${position}`,
    stream: 's',
    revision: BigInt(position - 1),
    position: BigInt(position),
    type: 'Touched',
    data: { ids },
  }) as unknown as RecordedEvent;

describe('projected batches', () => {
  it('given a store that holds a batch only once the next one is projected (a commit in flight), then no change is lost when the cache is full', async () => {
    const stored = new Map<string, Versioned>();
    const store = {
      getForUpdate: async (_version: number, _collection: string, ids: readonly string[]) =>
        new Map(ids.flatMap((id): [string, Versioned][] => (stored.has(id) ? [[id, stored.get(id)!]] : []))),
    };
    const commit = (changes: readonly DocumentChange[]) => {
      for (const change of changes) if (change.op === 'upsert') stored.set(change.doc._id, change);
    };
    const pages = async function* () {
      yield [touched(1, ['a'])];
      yield [touched(2, ['b']), touched(3, ['a', 'c'])];
      yield [touched(4, ['a'])];
      yield [touched(5, ['d'])];
    };
    let inFlight: DocumentChange[] = [];
    for await (const { changes } of projectedBatches(touches, pages(), store, 2)) {
      commit(inFlight);
      inFlight = changes;
    }
    commit(inFlight);
    expect(Object.fromEntries([...stored].map(([id, held]) => [id, held.doc.count]))).to.deep.equal({
      a: 3,
      b: 1,
      c: 1,
      d: 1,
    });
  });
});
