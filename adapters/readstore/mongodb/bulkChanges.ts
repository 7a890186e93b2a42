import type { AnyBulkWriteOperation } from 'mongodb';
import { physicalName, type DocumentChange, type ProjectionBatch } from '../../../projections/readStore.ts';
import { toStoredPosition } from './positions.ts';
import { POSITION_FIELD, toStoredDoc, type StoredDoc } from './storedDocs.ts';

/** The one change a batch makes to a document; `afterDelete` marks an upsert that followed a delete at its own position. */
export type NetChange = { readonly change: DocumentChange; readonly afterDelete: boolean };

/** What applying `change` after `pending` with their position guards leaves, for positions that never decrease in a batch. */
const combine = (pending: NetChange | undefined, change: DocumentChange): NetChange => {
  if (!pending) return { change, afterDelete: false };
  const before = pending.change;
  if (before.op === 'delete')
    return { change, afterDelete: change.op === 'upsert' && change.position === before.position };
  const wins = change.op === 'delete' ? change.position >= before.position : change.position > before.position;
  return wins ? { change, afterDelete: false } : pending;
};

const idOf = (change: DocumentChange): string => (change.op === 'upsert' ? change.doc._id : change.id);

/** One change per document: an unordered bulkWrite runs its upserts and deletes as separate groups, so order within a batch is lost. */
export const netChanges = (changes: readonly DocumentChange[]): NetChange[] => {
  const byDocument = new Map<string, NetChange>();
  for (const change of changes) {
    const key = JSON.stringify([change.collection, idOf(change)]);
    byDocument.set(key, combine(byDocument.get(key), change));
  }
  return [...byDocument.values()];
};

/** A write lands only on a document older than its change; on a newer one the upsert's insert collides on `_id`. */
export const bulkOperation = ({ change, afterDelete }: NetChange): AnyBulkWriteOperation<StoredDoc> => {
  const position = toStoredPosition(change.position);
  if (change.op === 'delete')
    return { deleteOne: { filter: { _id: change.id, [POSITION_FIELD]: { $lte: position } } } };
  return {
    replaceOne: {
      // After a delete at this position the document is gone in order, so one at this very position is overwritten.
      filter: { _id: change.doc._id, [POSITION_FIELD]: afterDelete ? { $lte: position } : { $lt: position } },
      replacement: toStoredDoc(change.doc, change.position),
      upsert: true,
    },
  };
};

/** A batch's document changes as bulkWrite operations, grouped by the physical collection of its version. */
export const bulkChanges = (batch: ProjectionBatch): Map<string, AnyBulkWriteOperation<StoredDoc>[]> => {
  const byCollection = new Map<string, AnyBulkWriteOperation<StoredDoc>[]>();
  for (const net of netChanges(batch.changes)) {
    const physical = physicalName(net.change.collection, batch.version);
    const operations = byCollection.get(physical) ?? [];
    operations.push(bulkOperation(net));
    byCollection.set(physical, operations);
  }
  return byCollection;
};
