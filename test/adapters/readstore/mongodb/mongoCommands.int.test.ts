import { expect } from 'chai';
import { Long, type CommandStartedEvent, type Document, type MongoClient } from 'mongodb';
import { virtualClock } from '../../../../adapters/clock/virtualClock.ts';
import { connectMongo } from '../../../../adapters/readstore/mongodb/connect.ts';
import { getMongoProjectionLeases } from '../../../../adapters/readstore/mongodb/mongoProjectionLeases.ts';
import { getMongoReadStore, type MongoReadStore } from '../../../../adapters/readstore/mongodb/mongoReadStore.ts';
import { cursorReply, startMongoWireServer, type Answer } from '../../../support/mongoWire/mongoWireServer.ts';

const now = new Date('2026-12-07T12:00:00.000Z');
const GRACE_MS = 61_000;
const MAJORITY = { w: 'majority' };
const HIDE_POSITION = { '_readstore:position': 0 };

/** What the command says, without the session and retry fields the driver adds to every one. */
const shape = ({ lsid: _lsid, txnNumber: _txn, $clusterTime: _time, ...command }: Document): Document => command;

/** Answers a find on `collection` whose filter is `filter` with `docs`. */
const finding =
  (collection: string, filter: Document, docs: Document[]): Answer =>
  (command, name) =>
    name === 'find' && command['find'] === collection && JSON.stringify(command['filter']) === JSON.stringify(filter)
      ? cursorReply(command, collection, docs)
      : undefined;

const firstOf =
  (...answers: Answer[]): Answer =>
  (command, name) =>
    answers.map((a) => a(command, name)).find((reply) => reply !== undefined);

describe('MongoDB read store and leases: the commands the driver sends, captured by its command monitoring against a wire stand-in', function () {
  this.timeout(20_000);
  let server: Awaited<ReturnType<typeof startMongoWireServer>>;
  let client: MongoClient;
  let answer: Answer = () => undefined;
  const started: CommandStartedEvent[] = [];
  const sent = (): Document[] => started.filter((e) => e.commandName !== 'endSessions').map((e) => shape(e.command));

  /** A store on the stand-in, with what opening sent left out of `sent`. */
  const openStore = async (): Promise<MongoReadStore> => {
    const store = await getMongoReadStore({
      url: server.url('outreach'),
      client,
      scheduler: virtualClock(now),
      retiredGraceMs: GRACE_MS,
    });
    started.length = 0;
    return store;
  };

  before(async () => {
    server = await startMongoWireServer((command, name) => answer(command, name));
    // The URL asks for acknowledgement by one member and reads from secondaries: the adapter overrides both.
    client = await connectMongo(server.url('outreach', 'w=1&readPreference=secondaryPreferred'), {
      monitorCommands: true,
    });
    client.on('commandStarted', (event) => started.push(event));
  });
  after(async () => {
    await client?.close();
    await server?.close();
  });
  beforeEach(() => {
    started.length = 0;
    answer = () => undefined;
  });

  it('opening looks for retired collections whose drop is due, in the database the URL names', async () => {
    await getMongoReadStore({ url: server.url('outreach'), client, scheduler: virtualClock(now) });
    expect(sent()).to.deep.equal([
      { find: 'readstore_aliases', filter: { 'retired.0': { $exists: true } }, $db: 'outreach' },
    ]);
  });

  it('a page query reads the alias, then the aliased collection with the filter, the full sort, one extra document and the position hidden, from the primary', async () => {
    answer = finding('readstore_aliases', { _id: 'contacts' }, [{ _id: 'contacts', physical: 'contacts_v2' }]);
    const store = await openStore();
    await store.find(
      'contacts',
      { companyId: 'c', status: { $in: ['active', 'paused'] } },
      { sort: [['status', -1]], limit: 2 },
    );
    expect(sent()).to.deep.equal([
      { find: 'readstore_aliases', filter: { _id: 'contacts' }, limit: 1, singleBatch: true, $db: 'outreach' },
      {
        find: 'contacts_v2',
        filter: { companyId: 'c', status: { $in: ['active', 'paused'] } },
        // The driver sends sorts and index keys as Maps, so their order is the order on the wire.
        sort: new Map([
          ['status', -1],
          ['_id', 1],
        ]),
        projection: HIDE_POSITION,
        limit: 3,
        $db: 'outreach',
      },
    ]);
  });

  it('a count is an aggregation of the filter on the aliased collection', async () => {
    answer = finding('readstore_aliases', { _id: 'calls' }, [{ _id: 'calls', physical: 'calls_v1' }]);
    const store = await openStore();
    expect(await store.count('calls', { companyId: 'c', a: {} } as never)).to.equal(0);
    expect(sent()[1]).to.deep.equal({
      aggregate: 'calls_v1',
      pipeline: [{ $match: { companyId: 'c' } }, { $group: { _id: 1, n: { $sum: 1 } } }],
      cursor: {},
      $db: 'outreach',
    });
  });

  it('a write batch is an unordered, position-guarded upsert and delete with majority acknowledgement, then the checkpoint raised with $max', async () => {
    const store = await openStore();
    await store.commit({
      projection: 'contacts',
      version: 1,
      checkpoint: 7n,
      changes: [
        { op: 'upsert', collection: 'contacts', doc: { _id: 'a', companyId: 'c', status: 'active' }, position: 5n },
        { op: 'delete', collection: 'contacts', id: 'b', position: 7n },
      ],
    });
    const [first, second, checkpoint] = sent();
    expect([first, second]).to.have.deep.members([
      {
        update: 'contacts_v1',
        updates: [
          {
            q: { _id: 'a', '_readstore:position': { $lt: Long.fromNumber(5) } },
            u: { _id: 'a', companyId: 'c', status: 'active', '_readstore:position': Long.fromNumber(5) },
            upsert: true,
          },
        ],
        ordered: false,
        writeConcern: MAJORITY,
        $db: 'outreach',
      },
      {
        delete: 'contacts_v1',
        deletes: [{ q: { _id: 'b', '_readstore:position': { $lte: Long.fromNumber(7) } }, limit: 1 }],
        ordered: false,
        writeConcern: MAJORITY,
        $db: 'outreach',
      },
    ]);
    expect(checkpoint).to.deep.equal({
      update: 'readstore_checkpoints',
      updates: [
        {
          q: { _id: 'contacts:1' },
          u: { $max: { position: Long.fromNumber(7) }, $setOnInsert: { projection: 'contacts', version: 1 } },
          upsert: true,
        },
      ],
      ordered: true,
      writeConcern: MAJORITY,
      $db: 'outreach',
    });
  });

  it('a lease is taken and renewed by one upsert, read back from the primary when another holds it, and released by its holder only, all with majority acknowledgement', async () => {
    const leases = getMongoProjectionLeases((await openStore()).db);
    const expiresAt = new Date(now.getTime() + 15_000);
    await leases.acquire('campaigns', 'engine-1', now, 15_000);
    answer = firstOf(
      (command, name) =>
        name === 'update'
          ? {
              n: 0,
              nModified: 0,
              writeErrors: [
                {
                  index: 0,
                  code: 11000,
                  errmsg:
                    'E11000 duplicate key error collection: outreach.readstore_leases index: _id_ dup key: { _id: "campaigns" }',
                },
              ],
              ok: 1,
            }
          : undefined,
      finding('readstore_leases', { _id: 'campaigns' }, [{ _id: 'campaigns', holder: 'engine-2', expiresAt }]),
    );
    expect(await leases.acquire('campaigns', 'engine-1', now, 15_000)).to.deep.equal({
      projection: 'campaigns',
      holder: 'engine-2',
      expiresAt,
    });
    answer = () => undefined;
    await leases.release('campaigns', 'engine-1');
    const take = {
      update: 'readstore_leases',
      updates: [
        {
          q: { _id: 'campaigns', $or: [{ holder: null }, { holder: 'engine-1' }, { expiresAt: { $lte: now } }] },
          u: { $set: { holder: 'engine-1', expiresAt } },
          upsert: true,
        },
      ],
      ordered: true,
      writeConcern: MAJORITY,
      $db: 'outreach',
    };
    expect(sent()).to.deep.equal([
      take,
      take,
      { find: 'readstore_leases', filter: { _id: 'campaigns' }, limit: 1, singleBatch: true, $db: 'outreach' },
      {
        update: 'readstore_leases',
        updates: [{ q: { _id: 'campaigns', holder: 'engine-1' }, u: { $set: { holder: null } } }],
        ordered: true,
        writeConcern: MAJORITY,
        $db: 'outreach',
      },
    ]);
  });

  it('preparing a version creates its collections and keeps any retired one of the same name', async () => {
    const store = await openStore();
    await store.prepare(3, [{ name: 'contacts', indexes: [] }]);
    expect(sent()).to.deep.equal([
      { create: 'contacts_v3', writeConcern: MAJORITY, $db: 'outreach' },
      {
        update: 'readstore_aliases',
        updates: [{ q: { _id: 'contacts' }, u: { $pull: { retired: { physical: 'contacts_v3' } } } }],
        ordered: true,
        writeConcern: MAJORITY,
        $db: 'outreach',
      },
    ]);
  });

  it('an alias swap builds the indexes, moves the alias recording the collection it replaces with its drop time, records the version, and drops what is due', async () => {
    const store = await openStore();
    answer = firstOf(
      finding('readstore_projections', { _id: 'contacts' }, [{ _id: 'contacts', activeVersion: 1 }]),
      finding('readstore_aliases', { _id: 'contacts' }, [{ _id: 'contacts', physical: 'contacts_v1' }]),
      finding('readstore_aliases', { 'retired.0': { $exists: true } }, [
        { _id: 'calls', physical: 'calls_v3', retired: [{ physical: 'calls_v2', dropAfter: new Date(0) }] },
      ]),
    );
    await store.activate('contacts', 2, [
      { name: 'contacts', indexes: [{ fields: [['status', 1]] }, { fields: [['email', 1]], unique: true }] },
    ]);
    const dropAfter = new Date(now.getTime() + GRACE_MS);
    const one = (filter: Document) => ({ filter, limit: 1, singleBatch: true, $db: 'outreach' });
    const write = { ordered: true, writeConcern: MAJORITY, $db: 'outreach' };
    expect(sent()).to.deep.equal([
      {
        createIndexes: 'contacts_v2',
        indexes: [
          { key: new Map([['status', 1]]), name: 'status_1' },
          {
            key: new Map([['email', 1]]),
            unique: true,
            partialFilterExpression: { email: { $exists: true } },
            name: 'email_1',
          },
        ],
        writeConcern: MAJORITY,
        $db: 'outreach',
      },
      { find: 'readstore_projections', ...one({ _id: 'contacts' }) },
      { find: 'readstore_aliases', ...one({ _id: 'contacts' }) },
      {
        update: 'readstore_aliases',
        updates: [
          {
            q: { _id: 'contacts', physical: 'contacts_v1' },
            u: { $set: { physical: 'contacts_v2' }, $push: { retired: { physical: 'contacts_v1', dropAfter } } },
          },
        ],
        ...write,
      },
      {
        update: 'readstore_projections',
        updates: [{ q: { _id: 'contacts' }, u: { $set: { activeVersion: 2 } }, upsert: true }],
        ...write,
      },
      { delete: 'readstore_checkpoints', deletes: [{ q: { _id: 'contacts:1' }, limit: 1 }], ...write },
      { find: 'readstore_aliases', filter: { 'retired.0': { $exists: true } }, $db: 'outreach' },
      { drop: 'calls_v2', writeConcern: MAJORITY, $db: 'outreach' },
      {
        update: 'readstore_aliases',
        updates: [
          { q: { _id: 'calls' }, u: { $pull: { retired: { physical: 'calls_v2', dropAfter: { $lte: now } } } } },
        ],
        ...write,
      },
    ]);
  });

  it('what command monitoring reports is what crossed the wire, and no read carries a read preference other than the primary', async () => {
    const store = await openStore();
    const before = server.received.length;
    await store.get('contacts', 'a');
    await store.getMany('contacts', ['a']);
    await store.ping();
    const wire = server.received.slice(before).map((c) => Object.keys(c)[0]);
    expect(started.map((e) => e.commandName)).to.deep.equal(wire);
    for (const event of started) expect(event.command).not.to.have.any.keys('$readPreference', 'readConcern');
  });
});
