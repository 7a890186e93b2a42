import type { Db, MongoClient } from 'mongodb';
import {
  physicalName,
  type Doc,
  type ProjectionState,
  type ReadStore,
  type Versioned,
} from '../../../projections/readStore.ts';
import { validateQuery } from '../../../projections/query/validateFilter.ts';
import { bulkChanges } from './bulkChanges.ts';
import { connectMongo } from './connect.ts';
import { mongoFilter } from './mongoFilter.ts';
import { pageQuery, toPage } from './pageQuery.ts';
import { fromStoredPosition, toStoredPosition } from './positions.ts';
import { ALIASES, CHECKPOINTS, checkpointId, createIndexes, PROJECTIONS, prepareCollection } from './schema.ts';
import { HIDE_POSITION, toVersioned, type StoredDoc } from './storedDocs.ts';
import { writeChanges } from './writeChanges.ts';

export type MongoReadStoreOptions = {
  readonly url: string;
  /** Defaults to the database named in the URL (the driver's `test` when it names none). */
  readonly database?: string;
  /** A client the caller owns: used as it is and left open by `close`. */
  readonly client?: MongoClient;
  /** How long a logical-to-physical collection name is trusted before it is read again. */
  readonly aliasTtlMs?: number;
};

/** The database is exposed for what lives beside the read models, such as projection leases. */
export type MongoReadStore = ReadStore & { readonly client: MongoClient; readonly db: Db };

type ProjectionRecord = { _id: string; activeVersion: number };
type CheckpointRecord = { _id: string; projection: string; version: number; position: unknown };
type AliasRecord = { _id: string; physical: string };

export const getMongoReadStore = async (options: MongoReadStoreOptions): Promise<MongoReadStore> => {
  const owned = options.client === undefined;
  const client = options.client ?? (await connectMongo(options.url));
  const db = client.db(options.database);
  const projections = db.collection<ProjectionRecord>(PROJECTIONS);
  const checkpoints = db.collection<CheckpointRecord>(CHECKPOINTS);
  const aliasRecords = db.collection<AliasRecord>(ALIASES);
  const collection = (physical: string) => db.collection<StoredDoc>(physical);

  const aliases = new Map<string, { physical: string | undefined; at: number }>();
  const ttl = options.aliasTtlMs ?? 1000;
  /** The collection readers see for a logical name, or undefined before any version is active. */
  const resolve = async (logical: string): Promise<string | undefined> => {
    const cached = aliases.get(logical);
    if (cached && Date.now() - cached.at < ttl) return cached.physical;
    const physical = (await aliasRecords.findOne({ _id: logical }))?.physical;
    aliases.set(logical, { physical, at: Date.now() });
    return physical;
  };

  return {
    client,
    db,

    prepare: async (version, collections) => {
      for (const spec of collections) await prepareCollection(db, physicalName(spec.name, version));
    },

    // Without a transaction the order matters: readers move first, the active version is recorded once
    // they have, and the old version is dropped last, so a crash part-way is repaired by activating again.
    activate: async (projection, version, collections) => {
      for (const spec of collections) await createIndexes(db, physicalName(spec.name, version), spec);
      const previous = (await projections.findOne({ _id: projection }))?.activeVersion;
      for (const { name } of collections) {
        await aliasRecords.updateOne({ _id: name }, { $set: { physical: physicalName(name, version) } }, { upsert: true });
        aliases.delete(name);
      }
      await projections.updateOne({ _id: projection }, { $set: { activeVersion: version } }, { upsert: true });
      if (previous !== undefined && previous !== version) {
        for (const { name } of collections) await db.dropCollection(physicalName(name, previous));
        await checkpoints.deleteOne({ _id: checkpointId(projection, previous) });
      }
    },

    projectionState: async (projection): Promise<ProjectionState> => {
      const active = await projections.findOne({ _id: projection });
      const rows = await checkpoints.find({ projection }).toArray();
      return {
        activeVersion: active?.activeVersion ?? null,
        checkpoints: Object.fromEntries(rows.map((row) => [row.version, fromStoredPosition(row.position)])),
      };
    },

    // The checkpoint is written only after every document write has landed; a crash in between replays
    // the batch, which the per-document position guards make harmless.
    commit: async (batch) => {
      await Promise.all([...bulkChanges(batch)].map(([physical, operations]) => writeChanges(collection(physical), operations)));
      await checkpoints.updateOne(
        { _id: checkpointId(batch.projection, batch.version) },
        { $max: { position: toStoredPosition(batch.checkpoint) }, $setOnInsert: { projection: batch.projection, version: batch.version } },
        { upsert: true },
      );
    },

    getForUpdate: async (version, name, ids) => {
      if (ids.length === 0) return new Map();
      const stored = await collection(physicalName(name, version)).find({ _id: { $in: [...ids] } }).toArray();
      return new Map<string, Versioned>(stored.map((raw) => [raw._id, toVersioned(raw)]));
    },

    get: async (name, id) => {
      const physical = await resolve(name);
      if (!physical) return null;
      return (await collection(physical).findOne({ _id: id }, { projection: HIDE_POSITION })) as unknown as Doc | null;
    },

    getMany: async (name, ids) => {
      const physical = await resolve(name);
      if (!physical || ids.length === 0) return [];
      const found = (await collection(physical).find({ _id: { $in: [...ids] } }, { projection: HIDE_POSITION }).toArray()) as unknown as Doc[];
      const byId = new Map(found.map((doc) => [doc._id, doc]));
      return ids.flatMap((id) => byId.get(id) ?? []);
    },

    find: async (name, filter, findOptions = {}) => {
      const query = pageQuery(filter, findOptions);
      const physical = await resolve(name);
      if (!physical) return { items: [], next: null };
      const docs = await collection(physical)
        .find(query.filter, { projection: HIDE_POSITION, sort: query.sort, limit: query.fetch })
        .toArray();
      return toPage(docs as unknown as Doc[], query);
    },

    count: async (name, filter) => {
      validateQuery(filter);
      const physical = await resolve(name);
      if (!physical) return 0;
      return collection(physical).countDocuments(mongoFilter(filter));
    },

    ping: async () => {
      try {
        return (await client.db('admin').command({ ping: 1 }))['ok'] === 1;
      } catch {
        return false;
      }
    },

    close: async () => {
      if (owned) await client.close();
    },
  };
};
