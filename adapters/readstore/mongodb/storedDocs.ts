import type { Doc, Versioned } from '../../../projections/readStore.ts';
import { fromStoredPosition, toStoredPosition } from './positions.ts';

/** Kept beside each document's own fields; filters and sorts cannot name it, since the field-path rule refuses ':'. */
export const POSITION_FIELD = '_readstore:position';

/** A read-model document as stored: string ids, and the hidden position beside its fields. */
export type StoredDoc = { _id: string; [field: string]: unknown };

/** The find projection that keeps the position out of everything readers get. */
export const HIDE_POSITION = { [POSITION_FIELD]: 0 } as const;

export const toStoredDoc = (doc: Doc, position: bigint): StoredDoc => ({
  ...doc,
  [POSITION_FIELD]: toStoredPosition(position),
});

/** A stored document split into the read model's document and the position of its last change. */
export const toVersioned = (stored: StoredDoc): Versioned => {
  const { [POSITION_FIELD]: position, ...doc } = stored;
  if (position === undefined) throw new Error(`document ${stored._id} has no ${POSITION_FIELD}`);
  return { doc: doc as Doc, position: fromStoredPosition(position) };
};
