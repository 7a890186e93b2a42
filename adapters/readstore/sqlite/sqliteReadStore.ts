import Database from 'better-sqlite3';
import {
  physicalName,
  type CollectionSpec,
  type Doc,
  type ProjectionState,
  type ReadStore,
  type Versioned,
} from '../../../projections/readStore.ts';
import { validateQuery } from '../../../projections/query/validateFilter.ts';
import { decodeCursor, encodeCursor, fullSort, keysetFilter } from '../../../projections/query/keyset.ts';
import { collectionSql } from './sqliteFilter.ts';
import {
  createCollection,
  createIndexes,
  createReadStoreSchema,
  existingKeyedFields,
  keyedFields,
  quoteName,
} from './schema.ts';
import { batchCommitter, encodeBatch } from './commitBatch.ts';
import { commitThread } from './commitThread.ts';

export type SqliteReadStoreOptions = {
  readonly path: string;
  /** How long a logical-to-physical collection name is trusted before it is read again. */
  readonly aliasTtlMs?: number;
  /** Commit projection batches on a writer thread (default for files) or on the caller's thread. */
  readonly writerThread?: boolean;
};

const DEFAULT_LIMIT = 100;

export type SqliteReadStore = ReadStore & { readonly db: Database.Database };

export const getSqliteReadStore = (options: SqliteReadStoreOptions): SqliteReadStore => {
  const db = new Database(options.path);
  createReadStoreSchema(db);
  const statements = new Map<string, Database.Statement>();
  const prepared = (sql: string): Database.Statement => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };

  const aliases = new Map<string, { physical: string | undefined; at: number }>();
  const ttl = options.aliasTtlMs ?? 1000;
  /** The table readers see for a logical collection, or undefined before any version is active. */
  const resolve = (logical: string): string | undefined => {
    const cached = aliases.get(logical);
    if (cached && Date.now() - cached.at < ttl) return cached.physical;
    const physical = prepared('SELECT physical FROM readstore_aliases WHERE logical = ?').pluck().get(logical) as
      string | undefined;
    aliases.set(logical, { physical, at: Date.now() });
    return physical;
  };

  const parse = (text: string): Doc => JSON.parse(text) as Doc;

  /** The keyed fields of each physical table, and the SQL builder that uses its key columns. */
  const tables = new Map<string, { keyed: readonly string[]; sql: ReturnType<typeof collectionSql> }>();
  const table = (physical: string) => {
    let found = tables.get(physical);
    if (!found) {
      const keyed = existingKeyedFields(db, physical);
      tables.set(physical, (found = { keyed, sql: collectionSql(new Set(keyed)) }));
    }
    return found;
  };

  const activate = db.transaction((projection: string, version: number, collections: readonly CollectionSpec[]) => {
    for (const spec of collections) createIndexes(db, physicalName(spec.name, version), spec);
    const previous = prepared('SELECT active_version FROM readstore_projections WHERE name = ?')
      .pluck()
      .get(projection) as number | null | undefined;
    prepared(
      'INSERT INTO readstore_projections (name, active_version) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET active_version = excluded.active_version',
    ).run(projection, version);
    for (const { name } of collections) {
      prepared(
        'INSERT INTO readstore_aliases (logical, physical) VALUES (?, ?) ON CONFLICT (logical) DO UPDATE SET physical = excluded.physical',
      ).run(name, physicalName(name, version));
      aliases.delete(name);
    }
    if (previous !== undefined && previous !== null && previous !== version) {
      for (const { name } of collections) {
        db.exec(`DROP TABLE IF EXISTS ${quoteName(physicalName(name, previous))}`);
        tables.delete(physicalName(name, previous));
      }
      prepared('DELETE FROM readstore_checkpoints WHERE name = ? AND version = ?').run(projection, previous);
    }
  });

  // Batches are written on a thread of their own unless the database lives only in this connection.
  const writer = (options.writerThread ?? options.path !== ':memory:') ? commitThread(options.path) : undefined;
  const commitInline = batchCommitter(db);

  return {
    db,
    prepare: async (version, collections) => {
      db.transaction(() => {
        for (const spec of collections) {
          const physical = physicalName(spec.name, version);
          createCollection(db, physical, spec);
          tables.set(physical, { keyed: keyedFields(spec), sql: collectionSql(new Set(keyedFields(spec))) });
        }
      })();
    },

    activate: async (projection, version, collections) => activate(projection, version, collections),

    projectionState: async (projection): Promise<ProjectionState> => {
      const active = prepared('SELECT active_version FROM readstore_projections WHERE name = ?')
        .pluck()
        .get(projection) as number | undefined;
      const rows = prepared('SELECT version, position FROM readstore_checkpoints WHERE name = ?')
        .safeIntegers(true)
        .all(projection) as { version: bigint; position: bigint }[];
      return {
        activeVersion: active ?? null,
        checkpoints: Object.fromEntries(rows.map((r) => [Number(r.version), r.position])),
      };
    },

    commit: async (batch) => {
      const encoded = encodeBatch(batch, (collection) => table(physicalName(collection, batch.version)).keyed);
      return writer ? writer.commit(encoded) : commitInline(encoded);
    },

    getForUpdate: async (version, collection, ids) => {
      const physical = quoteName(physicalName(collection, version));
      const rows = prepared(`SELECT _id, position, doc FROM ${physical} WHERE _id IN (SELECT value FROM json_each(?))`)
        .safeIntegers(true)
        .all(JSON.stringify(ids)) as { _id: string; position: bigint; doc: string }[];
      return new Map<string, Versioned>(rows.map((r) => [r._id, { doc: parse(r.doc), position: r.position }]));
    },

    get: async (collection, id) => {
      const physical = resolve(collection);
      if (!physical) return null;
      const text = prepared(`SELECT doc FROM ${quoteName(physical)} WHERE _id = ?`)
        .pluck()
        .get(id) as string | undefined;
      return text === undefined ? null : parse(text);
    },

    getMany: async (collection, ids) => {
      const physical = resolve(collection);
      if (!physical || ids.length === 0) return [];
      const texts = prepared(`SELECT doc FROM ${quoteName(physical)} WHERE _id IN (SELECT value FROM json_each(?))`)
        .pluck()
        .all(JSON.stringify(ids)) as string[];
      const byId = new Map(texts.map(parse).map((doc) => [doc._id, doc]));
      return ids.flatMap((id) => byId.get(id) ?? []);
    },

    find: async (collection, filter, findOptions = {}) => {
      validateQuery(filter, findOptions);
      const sort = fullSort(findOptions.sort);
      const limit = findOptions.limit ?? DEFAULT_LIMIT;
      const physical = resolve(collection);
      if (!physical) return { items: [], next: null };
      const { filterSql, orderSql } = table(physical).sql;
      const effective = findOptions.after
        ? { $and: [filter, keysetFilter(sort, decodeCursor(findOptions.after, sort))] }
        : filter;
      const where = filterSql(effective);
      const texts = prepared(
        `SELECT doc FROM ${quoteName(physical)} WHERE ${where.sql} ORDER BY ${orderSql(sort)} LIMIT ?`,
      )
        .pluck()
        .all(...where.params, limit + 1) as string[];
      const items = texts.slice(0, limit).map(parse);
      return { items, next: texts.length > limit ? encodeCursor(items[items.length - 1]!, sort) : null };
    },

    count: async (collection, filter) => {
      validateQuery(filter);
      const physical = resolve(collection);
      if (!physical) return 0;
      const where = table(physical).sql.filterSql(filter);
      return prepared(`SELECT count(*) FROM ${quoteName(physical)} WHERE ${where.sql}`)
        .pluck()
        .get(...where.params) as number;
    },

    ping: async () => db.open && prepared('SELECT 1').pluck().get() === 1,

    close: async () => {
      await writer?.close();
      db.close();
    },
  };
};
