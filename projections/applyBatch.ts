import type { RecordedEvent } from '../domain/events/event.ts';
import type { DocumentChange, Doc } from './readStore.ts';
import type { DocumentUpdate, Projection } from './projection.ts';
import type { Cached } from './documentCache.ts';

/** Current documents by id, each with the position of the event that last changed it (0n: never). */
export type LoadDocuments = (collection: string, ids: readonly string[]) => Promise<Map<string, Cached>>;

type Slot = {
  id: string;
  doc: Doc | null;
  storedPosition: bigint;
  position: bigint;
  changed: boolean;
  stored: boolean;
};

export type PositionedUpdate = { readonly update: DocumentUpdate; readonly position: bigint };

/** The document updates a run of events causes, each with the position of its event, in order. */
export const projectedUpdates = (projection: Projection, events: readonly RecordedEvent[]): PositionedUpdate[] => {
  const wanted = new Set<string>(projection.eventTypes);
  const updates: PositionedUpdate[] = [];
  for (const event of events) {
    if (!wanted.has(event.type)) continue;
    for (const update of projection.project(event)) updates.push({ update, position: event.position });
  }
  return updates;
};

/**
 * Runs projected updates in memory: loads each touched document once, applies the updates in order
 * (skipping events a document has already seen), and answers one change per document.
 */
export const applyUpdates = async (
  load: LoadDocuments,
  updates: readonly PositionedUpdate[],
): Promise<DocumentChange[]> => {
  if (updates.length === 0) return [];

  // Slots per collection, then per id: one lookup each, no composite keys to build.
  const slots = new Map<string, Map<string, Slot>>();
  const toLoad = new Map<string, string[]>();
  const slotFor = (collection: string, id: string, creates: boolean) => {
    let byId = slots.get(collection);
    if (!byId) slots.set(collection, (byId = new Map()));
    if (byId.has(id)) return;
    byId.set(id, { id, doc: null, storedPosition: 0n, position: 0n, changed: false, stored: false });
    // A document its first update creates cannot exist yet: nothing to read.
    if (creates) return;
    let ids = toLoad.get(collection);
    if (!ids) toLoad.set(collection, (ids = []));
    ids.push(id);
  };
  for (const { update } of updates) {
    if (update.reads) slotFor(update.reads.collection, update.reads.id, false);
    slotFor(update.collection, update.id, update.creates === true);
  }
  for (const [collection, ids] of toLoad) {
    const byId = slots.get(collection)!;
    const stored = await load(collection, ids);
    for (const id of ids) {
      const slot = byId.get(id)!;
      const found = stored.get(id);
      if (!found) continue;
      slot.doc = found.doc;
      slot.stored = true;
      slot.storedPosition = slot.position = found.position;
    }
  }

  for (const { update, position } of updates) {
    const slot = slots.get(update.collection)!.get(update.id)!;
    if (position <= slot.storedPosition) continue;
    const read = update.reads
      ? (slots.get(update.reads.collection)!.get(update.reads.id)!.doc ?? undefined)
      : undefined;
    slot.doc = update.apply(slot.doc ?? undefined, read);
    slot.position = position;
    slot.changed = true;
  }

  const changes: DocumentChange[] = [];
  for (const [collection, byId] of slots)
    for (const slot of byId.values()) {
      // A document that never existed and still does not needs no write.
      if (!slot.changed || (slot.doc === null && !slot.stored)) continue;
      changes.push(
        slot.doc
          ? { op: 'upsert', collection, doc: slot.doc, position: slot.position }
          : { op: 'delete', collection, id: slot.id, position: slot.position },
      );
    }
  return changes;
};
