import { MongoServerError, type Collection, type Db } from 'mongodb';
import type { Lease, ProjectionLeases } from '../../../projections/projectionLeases.ts';
import { MAJORITY_ON_PRIMARY } from './connect.ts';
import { LEASES } from './schema.ts';

const DUPLICATE_KEY = 11000;

export type LeaseRecord = { _id: string; holder: string | null; expiresAt: Date };

/** The methods of a collection leases need, so tests can stand in for MongoDB. */
export type LeaseCollection = Pick<Collection<LeaseRecord>, 'updateOne' | 'findOne'>;

const toLease = (record: LeaseRecord | null): Lease | null =>
  record?.holder ? { projection: record._id, holder: record.holder, expiresAt: record.expiresAt } : null;

/**
 * One lease document per projection, taken by a single upsert whose filter matches only a lease that
 * is free, expired or already this holder's. When it matches nothing, the upsert's insert collides
 * with the existing document (E11000), and so does the loser of two first upserts racing: either way
 * someone else holds the lease.
 */
export const mongoProjectionLeases = (collection: LeaseCollection): ProjectionLeases => ({
  acquire: async (projection, holder, now, ttlMs) => {
    const expiresAt = new Date(now.getTime() + ttlMs);
    try {
      const taken = await collection.updateOne(
        { _id: projection, $or: [{ holder: null }, { holder }, { expiresAt: { $lte: now } }] },
        { $set: { holder, expiresAt } },
        { upsert: true },
      );
      if (taken.matchedCount + taken.upsertedCount === 1) return { projection, holder, expiresAt };
    } catch (error) {
      if (!(error instanceof MongoServerError && error.code === DUPLICATE_KEY)) throw error;
    }
    return toLease(await collection.findOne({ _id: projection }));
  },

  release: async (projection, holder) => {
    await collection.updateOne({ _id: projection, holder }, { $set: { holder: null } });
  },
});

/** The leases of the read store's database. */
export const getMongoProjectionLeases = (db: Db): ProjectionLeases =>
  mongoProjectionLeases(db.collection<LeaseRecord>(LEASES, MAJORITY_ON_PRIMARY));
