import type Database from 'better-sqlite3';
import { physicalName, type ProjectionBatch } from '../../../projections/readStore.ts';
import { quoteName } from './schema.ts';

/** A projection batch as the writer needs it: documents already turned into JSON text. */
export type EncodedBatch = {
  readonly projection: string;
  readonly version: number;
  readonly checkpoint: bigint;
  readonly changes: readonly (
    | { readonly op: 'upsert'; readonly collection: string; readonly id: string; readonly json: string; readonly position: bigint }
    | { readonly op: 'delete'; readonly collection: string; readonly id: string; readonly position: bigint }
  )[];
};

export const encodeBatch = (batch: ProjectionBatch): EncodedBatch => ({
  projection: batch.projection,
  version: batch.version,
  checkpoint: batch.checkpoint,
  changes: batch.changes.map((change) =>
    change.op === 'upsert'
      ? { op: 'upsert', collection: change.collection, id: change.doc._id, json: JSON.stringify(change.doc), position: change.position }
      : change,
  ),
});

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
  return db.transaction((batch: EncodedBatch) => {
    for (const change of batch.changes) {
      const table = quoteName(physicalName(change.collection, batch.version));
      if (change.op === 'upsert')
        prepared(
          `INSERT INTO ${table} (_id, position, doc) VALUES (?, ?, ?) ON CONFLICT (_id) DO UPDATE SET position = excluded.position, doc = excluded.doc WHERE excluded.position > position`,
        ).run(change.id, change.position, change.json);
      else prepared(`DELETE FROM ${table} WHERE _id = ? AND position <= ?`).run(change.id, change.position);
    }
    prepared(
      'INSERT INTO readstore_checkpoints (name, version, position) VALUES (?, ?, ?) ON CONFLICT (name, version) DO UPDATE SET position = max(position, excluded.position)',
    ).run(batch.projection, batch.version, batch.checkpoint);
  });
};
