import { expect } from 'chai';
import type { Event, EventMetadata, RecordedEvent } from '../../domain/events/event.ts';
import type { Projection } from '../../projections/projection.ts';
import { projectedBatches } from '../../projections/projectedBatches.ts';
import type { Doc, DocumentChange, Versioned } from '../../projections/readStore.ts';

/** An event of a specification: its place in the store is given by its order; metadata may be partly set. */
export type SpecifiedEvent<E extends Event = Event> = E & {
  readonly id?: string;
  readonly stream?: string;
  readonly revision?: bigint;
  readonly metadata?: Partial<EventMetadata>;
};

export const specifiedAt = '2026-03-02T15:00:00.000Z';

/** The event as the store records it at index `i`: position `i + 1`, and default metadata where none is set. */
const recorded = (event: SpecifiedEvent, i: number): RecordedEvent => ({
  id: `e${i + 1}`,
  stream: 's',
  revision: BigInt(i),
  ...event,
  position: BigInt(i + 1),
  metadata: {
    companyId: 'company-1',
    commandId: `c${i + 1}`,
    correlationId: `c${i + 1}`,
    causationId: `c${i + 1}`,
    actor: 'admin',
    occurredAt: specifiedAt,
    schemaVersion: 1,
    ...event.metadata,
  },
});

const byId = (a: Doc, b: Doc): number => (a._id < b._id ? -1 : a._id > b._id ? 1 : 0);

/** Collections held in memory, committed to as the embedded read store does: a change older than a document's position is ignored. */
const memoryCollections = () => {
  const collections = new Map<string, Map<string, Versioned>>();
  const of = (name: string) => {
    let found = collections.get(name);
    if (!found) collections.set(name, (found = new Map()));
    return found;
  };
  return {
    getForUpdate: async (_version: number, collection: string, ids: readonly string[]) =>
      new Map(
        ids.flatMap((id): [string, Versioned][] => (of(collection).has(id) ? [[id, of(collection).get(id)!]] : [])),
      ),
    commit: (changes: readonly DocumentChange[]) => {
      for (const change of changes) {
        const docs = of(change.collection);
        const id = change.op === 'upsert' ? change.doc._id : change.id;
        const held = docs.get(id);
        if (change.op === 'delete') {
          if (held && held.position <= change.position) docs.delete(id);
        } else if (!held || change.position > held.position)
          docs.set(id, { doc: change.doc, position: change.position });
      }
    },
    documents: (collection: string): Doc[] => [...of(collection).values()].map((held) => held.doc).sort(byId),
  };
};

type Collections = ReturnType<typeof memoryCollections>;

/** Follows pages of events as a runner does from its checkpoint: projected, cut into batches, each committed. */
const follow = async (
  projection: Projection,
  collections: Collections,
  pages: readonly (readonly RecordedEvent[])[],
) => {
  const feed = async function* () {
    yield* pages;
  };
  for await (const { changes } of projectedBatches(projection, feed(), collections, 100_000))
    collections.commit(changes);
};

type Expected = Readonly<Record<string, readonly Doc[]>>;

/**
 * Projection tests read as specifications: `spec.given([events]).when([events]).then({collection: [documents]})`.
 * The events run through the runner's own batching, one batch per event; `then` also checks that one
 * batch of them all, and the `when` events delivered again (a runner resumed from the checkpoint
 * before them), leave the same documents.
 */
export const projectionSpecification = <E extends Event>(projection: Projection<E>) => ({
  given: (history: readonly SpecifiedEvent<E>[]) => ({
    when: (events: readonly SpecifiedEvent<E>[]) => {
      const all = [...history, ...events].map(recorded);
      const run = async () => {
        const eventByEvent = memoryCollections();
        await follow(
          projection as Projection,
          eventByEvent,
          all.map((event) => [event]),
        );
        const oneBatch = memoryCollections();
        await follow(projection as Projection, oneBatch, [all]);
        const names = projection.collections.map((c) => c.name);
        const snapshot = (collections: Collections) =>
          Object.fromEntries(names.map((name) => [name, collections.documents(name)]));
        const documents = snapshot(eventByEvent);
        expect(
          snapshot(oneBatch),
          'one batch of every event leaves other documents than a batch per event',
        ).to.deep.equal(documents);
        await follow(projection as Projection, eventByEvent, [all.slice(history.length)]);
        expect(snapshot(eventByEvent), 'the events delivered again change the documents').to.deep.equal(documents);
        return documents;
      };
      return {
        /** The documents of each named collection, in `_id` order; collections not named are not compared. */
        then: async (expected: Expected): Promise<void> => {
          const documents = await run();
          for (const [collection, docs] of Object.entries(expected)) {
            expect(documents, `the projection writes no collection ${collection}`).to.have.property(collection);
            expect(documents[collection], collection).to.deep.equal([...docs].sort(byId));
          }
        },
        /** One document has (at least) these fields; null: there is no such document. */
        thenDocument: async (
          collection: string,
          id: string,
          fields: Readonly<Record<string, unknown>> | null,
        ): Promise<void> => {
          const documents = await run();
          expect(documents, `the projection writes no collection ${collection}`).to.have.property(collection);
          const doc = documents[collection]!.find((d) => d._id === id);
          if (fields === null) expect(doc, `${collection}/${id}`).to.equal(undefined);
          else expect(doc, `${collection}/${id}`).to.deep.include(fields);
        },
      };
    },
  }),
});
