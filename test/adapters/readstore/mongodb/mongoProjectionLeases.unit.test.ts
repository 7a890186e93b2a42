import { expect } from 'chai';
import { MongoServerError, ReadPreference, type Db } from 'mongodb';
import {
  getMongoProjectionLeases,
  mongoProjectionLeases,
  type LeaseCollection,
  type LeaseRecord,
} from '../../../../adapters/readstore/mongodb/mongoProjectionLeases.ts';

type Answers = {
  updated?: { matchedCount: number; upsertedCount: number };
  failure?: unknown;
  found?: LeaseRecord | null;
};

/** A lease collection that records what it is asked and answers as told. */
const fakeLeases = (answers: Answers = {}) => {
  const calls: { method: string; args: unknown[] }[] = [];
  const collection = {
    updateOne: async (...args: unknown[]) => {
      calls.push({ method: 'updateOne', args });
      if (answers.failure) throw answers.failure;
      return {
        acknowledged: true,
        modifiedCount: 0,
        upsertedId: null,
        ...(answers.updated ?? { matchedCount: 1, upsertedCount: 0 }),
      };
    },
    findOne: async (...args: unknown[]) => (calls.push({ method: 'findOne', args }), answers.found ?? null),
  } as unknown as LeaseCollection;
  return { leases: mongoProjectionLeases(collection), calls };
};

const now = new Date('2026-11-30T12:00:00.000Z');
const later = (ms: number) => new Date(now.getTime() + ms);
const duplicateKey = () =>
  new MongoServerError({
    message: 'E11000 duplicate key error collection: rs.readstore_leases index: _id_ dup key: { _id: "campaigns" }',
    code: 11000,
  });

describe('MongoDB projection leases: what they send', () => {
  it('take a lease with one upsert that matches only a free, expired or own lease, and answer it held until now plus its time to live', async () => {
    const { leases, calls } = fakeLeases({ updated: { matchedCount: 0, upsertedCount: 1 } });
    expect(await leases.acquire('campaigns', 'engine-1', now, 15_000)).to.deep.equal({
      projection: 'campaigns',
      holder: 'engine-1',
      expiresAt: later(15_000),
    });
    expect(calls).to.deep.equal([
      {
        method: 'updateOne',
        args: [
          { _id: 'campaigns', $or: [{ holder: null }, { holder: 'engine-1' }, { expiresAt: { $lte: now } }] },
          { $set: { holder: 'engine-1', expiresAt: later(15_000) } },
          { upsert: true },
        ],
      },
    ]);
  });

  it('renew a lease the filter matched without reading it back', async () => {
    const { leases, calls } = fakeLeases({ updated: { matchedCount: 1, upsertedCount: 0 } });
    expect(await leases.acquire('campaigns', 'engine-1', now, 300)).to.deep.include({
      holder: 'engine-1',
      expiresAt: later(300),
    });
    expect(calls.map((c) => c.method)).to.deep.equal(['updateOne']);
  });

  it("answer the other holder's lease when the upsert collides on _id, since someone else holds it or won the race to insert it", async () => {
    const { leases, calls } = fakeLeases({
      failure: duplicateKey(),
      found: { _id: 'campaigns', holder: 'engine-2', expiresAt: later(9000) },
    });
    expect(await leases.acquire('campaigns', 'engine-1', now, 15_000)).to.deep.equal({
      projection: 'campaigns',
      holder: 'engine-2',
      expiresAt: later(9000),
    });
    expect(calls[1]).to.deep.equal({ method: 'findOne', args: [{ _id: 'campaigns' }] });
  });

  it('answer nobody when the lease was released between the collision and the read', async () => {
    const { leases } = fakeLeases({
      failure: duplicateKey(),
      found: { _id: 'campaigns', holder: null, expiresAt: later(9000) },
    });
    expect(await leases.acquire('campaigns', 'engine-1', now, 15_000)).to.equal(null);
  });

  it('let any other failure through, so the runner counts the lease as not renewed', async () => {
    const failure = new MongoServerError({ message: 'not primary', code: 10107 });
    const { leases } = fakeLeases({ failure });
    let thrown: unknown;
    await leases.acquire('campaigns', 'engine-1', now, 15_000).catch((error: unknown) => (thrown = error));
    expect(thrown).to.equal(failure);
  });

  it('release only a lease the holder still holds, keeping its document', async () => {
    const { leases, calls } = fakeLeases();
    await leases.release('campaigns', 'engine-1');
    expect(calls).to.deep.equal([
      { method: 'updateOne', args: [{ _id: 'campaigns', holder: 'engine-1' }, { $set: { holder: null } }] },
    ]);
  });

  it('use the leases collection with majority writes and primary reads, so a handover is seen by the next holder even across a failover', async () => {
    const asked: unknown[][] = [];
    const db = { collection: (...args: unknown[]) => (asked.push(args), {}) } as unknown as Db;
    getMongoProjectionLeases(db);
    expect(asked).to.deep.equal([
      ['readstore_leases', { writeConcern: { w: 'majority' }, readPreference: ReadPreference.primary }],
    ]);
  });
});
