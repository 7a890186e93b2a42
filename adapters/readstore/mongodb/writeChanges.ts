import { MongoBulkWriteError, type AnyBulkWriteOperation, type BulkWriteOptions, type WriteError } from 'mongodb';
import type { StoredDoc } from './storedDocs.ts';

const DUPLICATE_KEY = 11000;

/** The one method of a collection that writing changes needs, so tests can stand in for MongoDB. */
export type BulkWriter = {
  bulkWrite(operations: readonly AnyBulkWriteOperation<StoredDoc>[], options?: BulkWriteOptions): Promise<unknown>;
};

/**
 * A guarded upsert that found its document already as new or newer: its insert collides on `_id`.
 * A collision the server says is on another (declared unique) index is a real conflict.
 */
export const isStaleUpsert = (error: Pick<WriteError, 'code' | 'errmsg'>): boolean => {
  if (error.code !== DUPLICATE_KEY) return false;
  const index = / index: (\S+) /.exec(error.errmsg ?? '')?.[1];
  return index === undefined || index === '_id_';
};

const writeErrorsOf = (error: MongoBulkWriteError): readonly Pick<WriteError, 'code' | 'errmsg'>[] =>
  Array.isArray(error.writeErrors) ? error.writeErrors : [error.writeErrors as WriteError];

/** Every write reported as an error was a stale upsert, and the write concern was met. */
const onlyStaleUpserts = (error: unknown): boolean =>
  error instanceof MongoBulkWriteError &&
  error.err === undefined &&
  error.result?.getWriteConcernError?.() === undefined &&
  writeErrorsOf(error).length > 0 &&
  writeErrorsOf(error).every(isStaleUpsert);

/** Unordered so one stale upsert does not stop the rest; `ignoreUndefined` keeps undefined fields missing, as JSON does. */
export const writeChanges = async (
  collection: BulkWriter,
  operations: readonly AnyBulkWriteOperation<StoredDoc>[],
): Promise<void> => {
  if (operations.length === 0) return;
  try {
    await collection.bulkWrite(operations, { ordered: false, ignoreUndefined: true });
  } catch (error) {
    if (!onlyStaleUpserts(error)) throw error;
  }
};
