import type Database from 'better-sqlite3';
import { physicalName, type ProjectionBatch } from '../../../projections/readStore.ts';
import { fieldValue } from '../../../projections/query/fieldValue.ts';
import { quoteName } from './schema.ts';
import { keyColumn, keyValue } from './sqliteFilter.ts';

type KeyValue = string | number | null;

/**
 * One collection's share of a batch, column by column: a few arrays of strings and numbers cross
 * to the writer thread far more cheaply than one object per document would.
 */
export type EncodedChanges = {
  readonly collection: string;
  /** The keyed fields, in the order each upsert's key values follow. */
  readonly keyed: readonly string[];
  readonly upsertIds: string[];
  readonly upsertJson: string[];
  readonly upsertPositions: bigint[];
  /** `keyed.length` values per upsert, one upsert after another. */
  readonly upsertKeys: KeyValue[];
  readonly deleteIds: string[];
  readonly deletePositions: bigint[];
};

export type EncodedBatch = {
  readonly projection: string;
  readonly version: number;
  readonly checkpoint: bigint;
  readonly collections: readonly EncodedChanges[];
};

/** Turns documents into JSON text and key column values, grouped by collection. */
export const encodeBatch = (
  batch: ProjectionBatch,
  keyedFields: (collection: string) => readonly string[],
): EncodedBatch => {
  const byCollection = new Map<string, EncodedChanges>();
  for (const change of batch.changes) {
    let encoded = byCollection.get(change.collection);
    if (!encoded) {
      const keyed = keyedFields(change.collection);
      encoded = {
        collection: change.collection,
        keyed,
        upsertIds: [],
        upsertJson: [],
        upsertPositions: [],
        upsertKeys: [],
        deleteIds: [],
        deletePositions: [],
      };
      byCollection.set(change.collection, encoded);
    }
    if (change.op === 'upsert') {
      encoded.upsertIds.push(change.doc._id);
      encoded.upsertJson.push(JSON.stringify(change.doc));
      encoded.upsertPositions.push(change.position);
      for (const field of encoded.keyed) encoded.upsertKeys.push(keyValue(fieldValue(change.doc, field)));
    } else {
      encoded.deleteIds.push(change.id);
      encoded.deletePositions.push(change.position);
    }
  }
  return {
    projection: batch.projection,
    version: batch.version,
    checkpoint: batch.checkpoint,
    collections: [...byCollection.values()],
  };
};

/**
 * Writes a batch's documents and its checkpoint in one transaction. A change older than the
 * stored document is ignored, so a replayed batch changes nothing.
 */
export const batchCommitter = (db: Database.Database) => {
  const statements = new Map<string, Database.Statement>();
  const prepared = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) statements.set(sql, (statement = db.prepare(sql)));
    return statement;
  };
  const upsertSql = (table: string, keyed: readonly string[]) => {
    const columns = keyed.map(keyColumn);
    return `INSERT INTO ${table} (_id, position, doc${columns.map((c) => `, ${c}`).join('')}) VALUES (?, ?, ?${', ?'.repeat(columns.length)})
      ON CONFLICT (_id) DO UPDATE SET position = excluded.position, doc = excluded.doc${columns.map((c) => `, ${c} = excluded.${c}`).join('')}
      WHERE excluded.position > position`;
  };
  return db.transaction((batch: EncodedBatch) => {
    for (const changes of batch.collections) {
      const table = quoteName(physicalName(changes.collection, batch.version));
      const upsert = prepared(upsertSql(table, changes.keyed));
      const width = changes.keyed.length;
      for (let i = 0; i < changes.upsertIds.length; i++)
        upsert.run(
          changes.upsertIds[i],
          changes.upsertPositions[i],
          changes.upsertJson[i],
          ...changes.upsertKeys.slice(i * width, (i + 1) * width),
        );
      const remove = prepared(`DELETE FROM ${table} WHERE _id = ? AND position <= ?`);
      for (let i = 0; i < changes.deleteIds.length; i++) remove.run(changes.deleteIds[i], changes.deletePositions[i]);
    }
    prepared(
      'INSERT INTO readstore_checkpoints (name, version, position) VALUES (?, ?, ?) ON CONFLICT (name, version) DO UPDATE SET position = max(position, excluded.position)',
    ).run(batch.projection, batch.version, batch.checkpoint);
  });
};
