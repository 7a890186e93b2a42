import type { EncodedBatch, EncodedChanges } from './commitBatch.ts';

/**
 * A batch as it crosses to the writer thread: a few long strings and typed arrays are copied far
 * more cheaply than thousands of short strings and BigInts, each of which is cloned on its own.
 */
export type PackedBatch = Omit<EncodedBatch, 'collections'> & {
  readonly collections: readonly {
    readonly collection: string;
    readonly keyed: readonly string[];
    readonly count: number;
    /** The documents' JSON, one per line. */
    readonly upsertJson: string;
    /** The ids and key values, as JSON arrays. */
    readonly upsertIds: string;
    readonly upsertKeys: string;
    readonly upsertPositions: BigInt64Array;
    readonly deleteIds: string;
    readonly deletePositions: BigInt64Array;
  }[];
};

// JSON text never holds a raw line feed (JSON.stringify escapes it), so one separates documents.
const SEPARATOR = '\n';

export const packBatch = (batch: EncodedBatch): PackedBatch => ({
  ...batch,
  collections: batch.collections.map((changes) => ({
    collection: changes.collection,
    keyed: changes.keyed,
    count: changes.upsertIds.length,
    upsertJson: changes.upsertJson.join(SEPARATOR),
    upsertIds: JSON.stringify(changes.upsertIds),
    upsertKeys: JSON.stringify(changes.upsertKeys),
    upsertPositions: BigInt64Array.from(changes.upsertPositions),
    deleteIds: JSON.stringify(changes.deleteIds),
    deletePositions: BigInt64Array.from(changes.deletePositions),
  })),
});

export const unpackBatch = (packed: PackedBatch): EncodedBatch => ({
  ...packed,
  collections: packed.collections.map(
    (changes): EncodedChanges => ({
      collection: changes.collection,
      keyed: changes.keyed,
      upsertJson: changes.count === 0 ? [] : changes.upsertJson.split(SEPARATOR),
      upsertIds: JSON.parse(changes.upsertIds) as string[],
      upsertKeys: JSON.parse(changes.upsertKeys) as EncodedChanges['upsertKeys'][number][],
      upsertPositions: [...changes.upsertPositions],
      deleteIds: JSON.parse(changes.deleteIds) as string[],
      deletePositions: [...changes.deletePositions],
    }),
  ),
});
