import type { EncodedBatch, EncodedChanges } from './commitBatch.ts';

/** A batch as it crosses to the writer thread: each collection's documents as one text. */
export type PackedBatch = Omit<EncodedBatch, 'collections'> & {
  readonly collections: readonly (Omit<EncodedChanges, 'upsertJson'> & { readonly upsertJson: string })[];
};

// JSON text never holds a raw line feed (JSON.stringify escapes it), so one separates documents.
const SEPARATOR = '\n';

/** One long string is copied across threads far more cheaply than thousands of short ones. */
export const packBatch = (batch: EncodedBatch): PackedBatch => ({
  ...batch,
  collections: batch.collections.map((changes) => ({ ...changes, upsertJson: changes.upsertJson.join(SEPARATOR) })),
});

export const unpackBatch = (packed: PackedBatch): EncodedBatch => ({
  ...packed,
  collections: packed.collections.map((changes) => ({ ...changes, upsertJson: changes.upsertIds.length === 0 ? [] : changes.upsertJson.split(SEPARATOR) })),
});
