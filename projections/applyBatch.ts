import type { RecordedEvent } from '../domain/events/event.ts';
import type { DocumentChange, Doc } from './readStore.ts';
import type { Projection } from './projection.ts';
import type { Cached } from './documentCache.ts';

/** Current documents by id, each with the position of the event that last changed it (0n: never). */
export type LoadDocuments = (collection: string, ids: readonly string[]) => Promise<Map<string, Cached>>;

type Slot = { collection: string; id: string; doc: Doc | null; storedPosition: bigint; position: bigint; changed: boolean };

/**
 * Runs a batch of events through a projection in memory: loads each touched document once,
 * applies the updates in order (skipping events a document has already seen), and answers
 * one change per document.
 */
export const applyBatch = async (
  projection: Projection,
  load: LoadDocuments,
  events: readonly RecordedEvent[],
): Promise<DocumentChange[]> => {
  const wanted = new Set<string>(projection.eventTypes);
  const updates = events
    .filter((event) => wanted.has(event.type))
    .flatMap((event) => projection.project(event).map((update) => ({ update, position: event.position })));
  if (updates.length === 0) return [];

  const key = (collection: string, id: string) => `${collection}\u0000${id}`;
  const idsByCollection = new Map<string, Set<string>>();
  for (const { update } of updates) {
    const ids = idsByCollection.get(update.collection) ?? new Set<string>();
    ids.add(update.id);
    idsByCollection.set(update.collection, ids);
  }
  const slots = new Map<string, Slot>();
  for (const [collection, ids] of idsByCollection) {
    const stored = await load(collection, [...ids]);
    for (const id of ids) {
      const found = stored.get(id);
      const storedPosition = found?.position ?? 0n;
      slots.set(key(collection, id), { collection, id, doc: found?.doc ?? null, storedPosition, position: storedPosition, changed: false });
    }
  }

  for (const { update, position } of updates) {
    const slot = slots.get(key(update.collection, update.id))!;
    if (position <= slot.storedPosition) continue;
    slot.doc = update.apply(slot.doc ?? undefined);
    slot.position = position;
    slot.changed = true;
  }

  return [...slots.values()]
    .filter((slot) => slot.changed)
    .map((slot): DocumentChange =>
      slot.doc
        ? { op: 'upsert', collection: slot.collection, doc: slot.doc, position: slot.position }
        : { op: 'delete', collection: slot.collection, id: slot.id, position: slot.position },
    );
};
