import type { Db, MongoClient } from 'mongodb';
import { systemScheduler, type Scheduler, type Timer } from '../../clock/scheduler.ts';
import { mongoDatabaseName, MONGODB_DATABASE_MISSING, maskCredentials } from '../../config/settingCodecs.ts';
import { ConfigurationError } from '../../../domain/errors.ts';
import {
  physicalName,
  type Doc,
  type ProjectionState,
  type ReadStore,
  type Versioned,
} from '../../../projections/readStore.ts';
import { validateQuery } from '../../../projections/query/validateFilter.ts';
import { bulkChanges } from './bulkChanges.ts';
import { connectMongo, MAJORITY_ON_PRIMARY } from './connect.ts';
import { mongoFilter } from './mongoFilter.ts';
import { pageQuery, toPage } from './pageQuery.ts';
import { fromStoredPosition, toStoredPosition } from './positions.ts';
import { ALIASES, CHECKPOINTS, checkpointId, createIndexes, PROJECTIONS, prepareCollection } from './schema.ts';
import { HIDE_POSITION, toVersioned, type StoredDoc } from './storedDocs.ts';
import { writeChanges } from './writeChanges.ts';
import { dropRetired, keepRetired, moveAlias, type AliasRecord } from './versionAliases.ts';

export type MongoReadStoreOptions = {
  readonly url: string;
  /** Defaults to the database named in the URL; one of them must name it. */
  readonly database?: string;
  /** A client the caller owns: used as it is and left open by `close`. */
  readonly client?: MongoClient;
  /** How long a logical-to-physical collection name is trusted before it is read again. */
  readonly aliasTtlMs?: number;
  /** How long a replaced version's collections outlive its swap; default the alias time plus a minute. */
  readonly retiredGraceMs?: number;
  /** The clock and timers of alias trust and retired drops; the system's unless a test gives its own. */
  readonly scheduler?: Scheduler;
  /** Hears of a retired drop that failed; its record stays, and the next start or swap tries it again. */
  readonly onError?: (error: unknown) => void;
};

/** The database is exposed for what lives beside the read models, such as projection leases. */
export type MongoReadStore = ReadStore & { readonly client: MongoClient; readonly db: Db };

type ProjectionRecord = { _id: string; activeVersion: number };
type CheckpointRecord = { _id: string; projection: string; version: number; position: unknown };

/** Beyond the alias time, a query begun on the old version finishes and processes' clocks may disagree. */
const RETIRED_MARGIN_MS = 60_000;

/** The database the options name; never the driver's default `test`, where nobody would look for read models. */
const databaseOf = (options: MongoReadStoreOptions): string => {
  const database = options.database ?? mongoDatabaseName(options.url);
  if (database === undefined)
    throw new ConfigurationError('MONGODB_URL', `"${maskCredentials(options.url)}" ${MONGODB_DATABASE_MISSING}`);
  return database;
};

export const getMongoReadStore = async (options: MongoReadStoreOptions): Promise<MongoReadStore> => {
  const database = databaseOf(options);
  const owned = options.client === undefined;
  const client = options.client ?? (await connectMongo(options.url));
  const db = client.db(database, MAJORITY_ON_PRIMARY);
  const projections = db.collection<ProjectionRecord>(PROJECTIONS);
  const checkpoints = db.collection<CheckpointRecord>(CHECKPOINTS);
  const aliasRecords = db.collection<AliasRecord>(ALIASES);
  const collection = (physical: string) => db.collection<StoredDoc>(physical);
  const onError = options.onError ?? (() => undefined);
  const scheduler = options.scheduler ?? systemScheduler(onError);
  const now = () => scheduler.now().getTime();

  const aliases = new Map<string, { physical: string | undefined; at: number }>();
  const ttl = options.aliasTtlMs ?? 1000;
  const grace = options.retiredGraceMs ?? ttl + RETIRED_MARGIN_MS;
  /** The collection readers see for a logical name, or undefined before any version is active. */
  const resolve = async (logical: string): Promise<string | undefined> => {
    const cached = aliases.get(logical);
    if (cached && now() - cached.at < ttl) return cached.physical;
    // Trusted from when it was asked: an answer read before a swap is never trusted past the swap plus the alias time.
    const asked = now();
    const physical = (await aliasRecords.findOne({ _id: logical }))?.physical;
    aliases.set(logical, { physical, at: asked });
    return physical;
  };

  let dropTimer: Timer | undefined;
  let closed = false;
  /** Drops the retired collections that are due, then waits for the next one. */
  const dropDue = async (): Promise<void> => {
    try {
      const next = await dropRetired(db, aliasRecords, new Date(now()));
      dropTimer?.cancel();
      dropTimer = next && !closed ? scheduler.after(next.getTime() - now(), dropDue) : undefined;
    } catch (error) {
      onError(error);
    }
  };
  // A process that starts finishes the drops a stopped or crashed one left due.
  await dropDue();

  return {
    client,
    db,

    prepare: async (version, collections) => {
      for (const spec of collections) {
        await prepareCollection(db, physicalName(spec.name, version));
        await keepRetired(aliasRecords, spec.name, physicalName(spec.name, version));
      }
    },

    // Without a transaction the order matters: readers move first, each alias recording in the same
    // write the collection it replaces; the active version is recorded once they have; a crash part-way
    // is repaired by activating again. The replaced collections stay until every process's cached alias
    // has expired, and are dropped then by this process, or by the next one that starts or swaps.
    activate: async (projection, version, collections) => {
      for (const spec of collections) await createIndexes(db, physicalName(spec.name, version), spec);
      const previous = (await projections.findOne({ _id: projection }))?.activeVersion;
      const dropAfter = new Date(now() + grace);
      for (const { name } of collections) {
        await moveAlias(aliasRecords, name, physicalName(name, version), dropAfter);
        aliases.delete(name);
      }
      await projections.updateOne({ _id: projection }, { $set: { activeVersion: version } }, { upsert: true });
      if (previous !== undefined && previous !== version)
        await checkpoints.deleteOne({ _id: checkpointId(projection, previous) });
      await dropDue();
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
      await Promise.all(
        [...bulkChanges(batch)].map(([physical, operations]) => writeChanges(collection(physical), operations)),
      );
      await checkpoints.updateOne(
        { _id: checkpointId(batch.projection, batch.version) },
        {
          $max: { position: toStoredPosition(batch.checkpoint) },
          $setOnInsert: { projection: batch.projection, version: batch.version },
        },
        { upsert: true },
      );
    },

    getForUpdate: async (version, name, ids) => {
      if (ids.length === 0) return new Map();
      const stored = await collection(physicalName(name, version))
        .find({ _id: { $in: [...ids] } })
        .toArray();
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
      const found = (await collection(physical)
        .find({ _id: { $in: [...ids] } }, { projection: HIDE_POSITION })
        .toArray()) as unknown as Doc[];
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
      closed = true;
      dropTimer?.cancel();
      if (owned) await client.close();
    },
  };
};
