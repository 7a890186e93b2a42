import type Database from 'better-sqlite3';
import type { CollectionSpec } from '../../../projections/readStore.ts';
import { orderSql } from './sqliteFilter.ts';

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

/** A collection is a table of JSON documents with the position of the event that last changed each. */
export const createCollection = (db: Database.Database, physical: string, spec: CollectionSpec): void => {
  const table = quoteName(physical);
  db.exec(`CREATE TABLE IF NOT EXISTS ${table} (_id TEXT PRIMARY KEY, position INTEGER NOT NULL, doc TEXT NOT NULL) WITHOUT ROWID`);
  spec.indexes.forEach((index, i) => {
    const name = quoteName(`${physical}_index_${i}`);
    db.exec(`CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX IF NOT EXISTS ${name} ON ${table} (${orderSql(index.fields)})`);
  });
};
