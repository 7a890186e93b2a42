import { MongoServerError, type Db, type IndexDescription } from 'mongodb';
import type { CollectionSpec, IndexSpec } from '../../../projections/readStore.ts';
import { mongoSort } from './mongoSort.ts';

/** `{_id: projection, activeVersion}`: which version readers see. */
export const PROJECTIONS = 'readstore_projections';
/** `{_id: 'projection:version', projection, version, position}`: how far each version has got. */
export const CHECKPOINTS = 'readstore_checkpoints';
/** `{_id: logical, physical, retired}`: the collection readers reach through a logical name, and the replaced ones awaiting their drop. */
export const ALIASES = 'readstore_aliases';
/** `{_id: projection, holder, expiresAt}`: which process runs each projection, until when. */
export const LEASES = 'readstore_leases';

const NAMESPACE_EXISTS = 48;

export const checkpointId = (projection: string, version: number): string => `${projection}:${version}`;

/**
 * A declared index as MongoDB builds it. A unique index only holds documents that have all its fields,
 * so that, as in SQLite where NULLs never collide, documents lacking a field do not conflict.
 */
export const indexDescription = (index: IndexSpec): IndexDescription => {
  const key = mongoSort(index.fields);
  if (!index.unique) return { key };
  const present = Object.fromEntries(Object.keys(key).map((field) => [field, { $exists: true }]));
  return { key, unique: true, partialFilterExpression: present };
};

/** Creates the collection; an existing one is fine, since prepare runs again after a restart. */
export const prepareCollection = async (db: Db, physical: string): Promise<void> => {
  try {
    await db.createCollection(physical);
  } catch (error) {
    if (!(error instanceof MongoServerError && error.code === NAMESPACE_EXISTS)) throw error;
  }
};

/** Builds the declared indexes over what the collection holds, once, rather than document by document. */
export const createIndexes = async (db: Db, physical: string, spec: CollectionSpec): Promise<void> => {
  if (spec.indexes.length > 0) await db.collection(physical).createIndexes(spec.indexes.map(indexDescription));
};
