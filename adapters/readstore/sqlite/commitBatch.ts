import type Database from 'better-sqlite3';
import { physicalName, type ProjectionBatch } from '../../../projections/readStore.ts';
import { fieldValue } from '../../../projections/query/fieldValue.ts';
import { quoteName } from './schema.ts';
import { keyColumn, keyValue } from './sqliteFilter.ts';

type KeyValue = string | number | null;

/** A projection batch as the writer needs it: documents as JSON text with their key column values. */
export type EncodedBatch = {
  readonly projection: string;
  readonly version: number;
  readonly checkpoint: bigint;
  /** The keyed fields of each collection the batch writes, in the order of `keys`. */
  readonly keyed: Readonly<Record<string, readonly string[]>>;
  readonly changes: readonly (
    | { readonly op: 'upsert'; readonly collection: string; readonly id: string; readonly json: string; readonly keys: readonly KeyValue[]; readonly position: bigint }
    | { readonly op: 'delete'; readonly collection: string; readonly id: string; readonly position: bigint }
  )[];
};

export const encodeBatch = (batch: ProjectionBatch, keyedFields: (collection: string) => readonly string[]): EncodedBatch => {
  const keyed: Record<string, readonly string[]> = {};
  for (const change of batch.changes) keyed[change.collection] ??= keyedFields(change.collection);
  return {
    projection: batch.projection,
    version: batch.version,
    checkpoint: batch.checkpoint,
    keyed,
    changes: batch.changes.map((change) =>
      change.op === 'upsert'
        ? {
            op: 'upsert',
            collection: change.collection,
            id: change.doc._id,
            json: JSON.stringify(change.doc),
            keys: keyed[change.collection]!.map((field) => keyValue(fieldValue(change.doc, field))),
            position: change.position,
          }
        : change,
    ),
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
    const upserts = new Map<string, Database.Statement>();
    const deletes = new Map<string, Database.Statement>();
    for (const change of batch.changes) {
      const table = quoteName(physicalName(change.collection, batch.version));
      if (change.op === 'upsert') {
        let upsert = upserts.get(change.collection);
        if (!upsert) upserts.set(change.collection, (upsert = prepared(upsertSql(table, batch.keyed[change.collection] ?? []))));
        upsert.run(change.id, change.position, change.json, ...change.keys);
      } else {
        let remove = deletes.get(change.collection);
        if (!remove) deletes.set(change.collection, (remove = prepared(`DELETE FROM ${table} WHERE _id = ? AND position <= ?`)));
        remove.run(change.id, change.position);
      }
    }
    prepared(
      'INSERT INTO readstore_checkpoints (name, version, position) VALUES (?, ?, ?) ON CONFLICT (name, version) DO UPDATE SET position = max(position, excluded.position)',
    ).run(batch.projection, batch.version, batch.checkpoint);
  });
};
