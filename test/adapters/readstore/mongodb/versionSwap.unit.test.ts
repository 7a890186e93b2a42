import { expect } from 'chai';
import { virtualClock, type VirtualClock } from '../../../../adapters/clock/virtualClock.ts';
import type { Scheduler } from '../../../../adapters/clock/scheduler.ts';
import { getMongoReadStore, type MongoReadStore } from '../../../../adapters/readstore/mongodb/mongoReadStore.ts';
import type { CollectionSpec, Doc } from '../../../../projections/readStore.ts';
import { memoryMongo } from '../../../support/memoryMongo.ts';

const ALIAS_TTL_MS = 1000;
const GRACE_MS = 5000;
const contacts: CollectionSpec[] = [{ name: 'contacts', indexes: [] }];
const calls: CollectionSpec[] = [{ name: 'calls', indexes: [] }];
const contact = (id: string, version: number): Doc => ({ _id: id, companyId: 'c', builtBy: version });

/** Two or more engine processes over one database, on one clock that moves only when told. */
const sharedDatabase = () => {
  const mongo = memoryMongo();
  const clock: VirtualClock = virtualClock(new Date('2026-12-07T12:00:00.000Z'));
  const open = (scheduler: Scheduler = clock): Promise<MongoReadStore> =>
    getMongoReadStore({
      url: 'mongodb://shared/outreach',
      client: mongo.client(),
      scheduler,
      aliasTtlMs: ALIAS_TTL_MS,
      retiredGraceMs: GRACE_MS,
    });
  /** A process killed right after its swap: its clock reads the time, but its timers never run. */
  const killedAfterSwap: Scheduler = { now: () => clock.now(), after: () => ({ cancel: () => undefined }) };
  return { mongo, clock, open, killedAfterSwap };
};

/** Builds `version` of the contacts projection and swaps it in, as a runner that has caught up does. */
const rebuild = async (store: MongoReadStore, version: number, ids: readonly string[]) => {
  await store.prepare(version, contacts);
  const changes = ids.map((id, i) => ({
    op: 'upsert' as const,
    collection: 'contacts',
    doc: contact(id, version),
    position: BigInt(i + 1),
  }));
  await store.commit({ projection: 'contacts', version, checkpoint: BigInt(ids.length), changes });
  await store.activate('contacts', version, contacts);
};

const ids = (docs: readonly Doc[]) => docs.map((d) => d._id);

describe('MongoDB read store: a version swap seen by two processes', () => {
  it('given process B read version 1 just before A swapped in version 2, then B keeps its documents until its alias expires, and the old collection goes after the grace time', async () => {
    const { mongo, clock, open } = sharedDatabase();
    const [a, b] = [await open(), await open()];
    await rebuild(a, 1, ['a', 'b', 'c']);
    const before = await b.find('contacts', { companyId: 'c' });
    expect(ids(before.items)).to.deep.equal(['a', 'b', 'c']);

    await clock.advance(ALIAS_TTL_MS / 2);
    await rebuild(a, 2, ['a', 'b', 'c', 'd']);

    // B's alias still leads to version 1: the same page, not an empty one, and no missing document.
    expect(await b.find('contacts', { companyId: 'c' })).to.deep.equal(before);
    expect(await b.get('contacts', 'a')).to.deep.equal(contact('a', 1));
    expect(await b.count('contacts', { companyId: 'c' })).to.equal(3);
    expect(ids((await a.find('contacts', {})).items)).to.deep.equal(['a', 'b', 'c', 'd']);

    await clock.advance(ALIAS_TTL_MS / 2);
    expect(await b.get('contacts', 'a')).to.deep.equal(contact('a', 2));
    expect(mongo.collectionNames()).to.include('contacts_v1');

    await clock.advance(GRACE_MS);
    expect(mongo.collectionNames()).not.to.include('contacts_v1');
    expect(mongo.documents('readstore_aliases')).to.deep.equal([
      { _id: 'contacts', physical: 'contacts_v2', retired: [] },
    ]);
    expect(mongo.documents('readstore_checkpoints').map((c) => c['_id'])).to.deep.equal(['contacts:2']);
  });

  it('given the swapping process was killed before the grace time ended, then the next process to start drops what is due, and only that', async () => {
    const { mongo, clock, open, killedAfterSwap } = sharedDatabase();
    const a = await open(killedAfterSwap);
    await rebuild(a, 1, ['a']);
    await rebuild(a, 2, ['a']);
    expect(mongo.documents('readstore_aliases')[0]!['retired']).to.deep.equal([
      { physical: 'contacts_v1', dropAfter: new Date(clock.now().getTime() + GRACE_MS) },
    ]);

    const early = await open();
    expect(mongo.collectionNames()).to.include('contacts_v1');
    await early.close();

    await clock.advance(GRACE_MS);
    expect(mongo.collectionNames()).to.include('contacts_v1');
    await open();
    expect(mongo.collectionNames()).not.to.include('contacts_v1');
    expect(mongo.documents('readstore_aliases')[0]!['retired']).to.deep.equal([]);
  });

  it('given the swapping process was killed, then a process started within the grace time drops the old collection when it falls due', async () => {
    const { mongo, clock, open, killedAfterSwap } = sharedDatabase();
    const a = await open(killedAfterSwap);
    await rebuild(a, 1, ['a']);
    await rebuild(a, 2, ['a']);
    await open();
    await clock.advance(GRACE_MS - 1);
    expect(mongo.collectionNames()).to.include('contacts_v1');
    await clock.advance(1);
    expect(mongo.collectionNames()).not.to.include('contacts_v1');
  });

  it('given the swapping process was killed, then the next swap of any projection drops what is due', async () => {
    const { mongo, clock, open, killedAfterSwap } = sharedDatabase();
    const a = await open(killedAfterSwap);
    const b = await open(killedAfterSwap);
    await rebuild(a, 1, ['a']);
    await rebuild(a, 2, ['a']);
    await clock.advance(GRACE_MS);
    expect(mongo.collectionNames()).to.include('contacts_v1');
    await b.prepare(1, calls);
    await b.activate('calls', 1, calls);
    expect(mongo.collectionNames()).not.to.include('contacts_v1');
  });

  it('given a replaced version is built again, then its collection is kept rather than dropped under it', async () => {
    const { mongo, clock, open } = sharedDatabase();
    const a = await open();
    await rebuild(a, 1, ['a']);
    await rebuild(a, 2, ['a']);
    await a.prepare(1, contacts);
    await clock.advance(GRACE_MS);
    expect(mongo.collectionNames()).to.include('contacts_v1');
    await a.activate('contacts', 1, contacts);
    await clock.advance(GRACE_MS);
    expect(mongo.collectionNames()).to.include('contacts_v1').and.not.include('contacts_v2');
    expect(await a.get('contacts', 'a')).to.deep.equal(contact('a', 1));
  });

  it('given a store is closed, then its pending drop stays recorded for the next process', async () => {
    const { mongo, clock, open } = sharedDatabase();
    const a = await open();
    await rebuild(a, 1, ['a']);
    await rebuild(a, 2, ['a']);
    await a.close();
    await clock.advance(GRACE_MS);
    expect(mongo.collectionNames()).to.include('contacts_v1');
    await open();
    expect(mongo.collectionNames()).not.to.include('contacts_v1');
  });
});
