import type Database from 'better-sqlite3';
import type { CollectionSpec } from '../../../projections/readStore.ts';
import { collectionSql, keyColumn, keyValueSql } from './sqliteFilter.ts';

export const quoteName = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/** Which version of each projection readers see, each version's checkpoint, and logical collection names. */
export const createReadStoreSchema = (db: Database.Database): void => {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 10000');
  db.pragma('cache_size = -65536');
  db.exec(`
    CREATE TABLE IF NOT EXISTS readstore_projections (name TEXT PRIMARY KEY, active_version INTEGER);
    CREATE TABLE IF NOT EXISTS readstore_checkpoints (
      name TEXT NOT NULL, version INTEGER NOT NULL, position INTEGER NOT NULL, PRIMARY KEY (name, version));
    CREATE TABLE IF NOT EXISTS readstore_aliases (logical TEXT PRIMARY KEY, physical TEXT NOT NULL);
  `);
};

/** The fields a collection's indexes and filters use, each stored in a key column of its own. */
export const keyedFields = (spec: CollectionSpec): string[] => [
  ...new Set(
    [...spec.indexes.flatMap((index) => index.fields.map(([field]) => field)), ...(spec.filterFields ?? [])].filter(
      (field) => field !== '_id',
    ),
  ),
];

/** Fields that have key columns in an existing table, read from the table itself. */
export const existingKeyedFields = (db: Database.Database, physical: string): string[] =>
  (db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(physical) as string[])
    .filter((name) => name.startsWith('key:'))
    .map((name) => name.slice('key:'.length));

/**
 * A collection is a table of JSON documents with the position of the event that last changed each,
 * plus a key column per indexed field. A field indexed later gets its column filled from the JSON.
 * Its indexes come later, from `createIndexes`, so a version being built is bulk-loaded first.
 */
export const createCollection = (db: Database.Database, physical: string, spec: CollectionSpec): void => {
  const table = quoteName(physical);
  db.exec(
    `CREATE TABLE IF NOT EXISTS ${table} (_id TEXT PRIMARY KEY, position INTEGER NOT NULL, doc TEXT NOT NULL) WITHOUT ROWID`,
  );
  const existing = new Set(existingKeyedFields(db, physical));
  for (const field of keyedFields(spec).filter((f) => !existing.has(f))) {
    db.exec(`ALTER TABLE ${table} ADD COLUMN ${keyColumn(field)}`);
    db.exec(`UPDATE ${table} SET ${keyColumn(field)} = ${keyValueSql(field)}`);
  }
};

/** Builds a collection's declared indexes over what it holds, once, rather than row by row. */
export const createIndexes = (db: Database.Database, physical: string, spec: CollectionSpec): void => {
  const table = quoteName(physical);
  const { orderSql } = collectionSql(new Set(keyedFields(spec)));
  spec.indexes.forEach((index, i) => {
    const name = quoteName(`${physical}_index_${i}`);
    db.exec(
      `CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX IF NOT EXISTS ${name} ON ${table} (${orderSql(index.fields)})`,
    );
  });
};
