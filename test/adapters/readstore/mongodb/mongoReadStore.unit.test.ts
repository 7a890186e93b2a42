import { expect } from 'chai';
import { Long, MongoServerError, ReadPreference, type MongoClient } from 'mongodb';
import { virtualClock } from '../../../../adapters/clock/virtualClock.ts';
import { ConfigurationError } from '../../../../domain/errors.ts';
import { getMongoReadStore } from '../../../../adapters/readstore/mongodb/mongoReadStore.ts';
import { HIDE_POSITION, POSITION_FIELD } from '../../../../adapters/readstore/mongodb/storedDocs.ts';
import { encodeCursor } from '../../../../projections/query/keyset.ts';

type Call = { readonly collection: string; readonly method: string; readonly args: readonly unknown[] };
type Answers = {
  findOne?: Record<string, unknown>;
  find?: Record<string, unknown[]>;
  createCollection?: (name: string) => void;
  ping?: () => unknown;
};

/** A client whose collections record every call and answer from canned data, to check what the adapter sends. */
const fakeMongo = (answers: Answers = {}) => {
  const log: Call[] = [];
  let closed = false;
  const record = (collection: string, method: string, args: unknown[]) => log.push({ collection, method, args });
  const collection = (name: string) => ({
    findOne: async (...args: unknown[]) => (record(name, 'findOne', args), answers.findOne?.[name] ?? null),
    find: (...args: unknown[]) => (record(name, 'find', args), { toArray: async () => answers.find?.[name] ?? [] }),
    updateOne: async (...args: unknown[]) => (record(name, 'updateOne', args), { matchedCount: 1 }),
    deleteOne: async (...args: unknown[]) => (record(name, 'deleteOne', args), {}),
    bulkWrite: async (...args: unknown[]) => (record(name, 'bulkWrite', args), {}),
    countDocuments: async (...args: unknown[]) => (record(name, 'countDocuments', args), 4),
    createIndexes: async (...args: unknown[]) => (record(name, 'createIndexes', args), []),
  });
  const db = {
    collection,
    createCollection: async (name: string) => (record(name, 'createCollection', []), answers.createCollection?.(name)),
    dropCollection: async (name: string) => (record(name, 'dropCollection', []), true),
    command: async (command: unknown) => (
      record('admin', 'command', [command]),
      answers.ping ? answers.ping() : { ok: 1 }
    ),
  };
  const client = {
    db: (...args: unknown[]) => (record('client', 'db', args), db),
    close: async () => void (closed = true),
  } as unknown as MongoClient;
  return { client, log, closed: () => closed, calls: (method: string) => log.filter((c) => c.method === method) };
};

/** A store over the fake, with what opening sent cleared from the log. */
const open = async (mongo: ReturnType<typeof fakeMongo>) => {
  const store = await getMongoReadStore({ url: 'mongodb://unused/outreach', client: mongo.client });
  mongo.log.length = 0;
  return store;
};
const now = new Date('2026-12-07T12:00:00.000Z');
const aliased = { readstore_aliases: { _id: 'contacts', physical: 'contacts_v2' } };

describe('MongoDB read store: what it sends', () => {
  it('finds in the aliased collection with the position hidden, the full sort and one extra document', async () => {
    const docs = ['a', 'b', 'c'].map((id) => ({ _id: id, companyId: 'c' }));
    const mongo = fakeMongo({ findOne: aliased, find: { contacts_v2: docs } });
    const store = await open(mongo);
    const page = await store.find('contacts', { companyId: 'c' }, { sort: [['status', 1]], limit: 2 });
    const [call] = mongo.calls('find');
    expect(call!.collection).to.equal('contacts_v2');
    expect(call!.args[0]).to.deep.equal({ companyId: 'c' });
    expect(call!.args[1]).to.deep.equal({ projection: HIDE_POSITION, sort: { status: 1, _id: 1 }, limit: 3 });
    expect(page.items.map((d) => d._id)).to.deep.equal(['a', 'b']);
    expect(page.next).to.equal(
      encodeCursor(docs[1]!, [
        ['status', 1],
        ['_id', 1],
      ]),
    );
  });

  it('gets one or many by id with the position hidden, many in the order asked', async () => {
    const mongo = fakeMongo({
      findOne: { ...aliased, contacts_v2: { _id: 'a', companyId: 'c' } },
      find: {
        contacts_v2: [
          { _id: 'b', companyId: 'c' },
          { _id: 'a', companyId: 'c' },
        ],
      },
    });
    const store = await open(mongo);
    expect(await store.get('contacts', 'a')).to.deep.equal({ _id: 'a', companyId: 'c' });
    expect(mongo.calls('findOne').find((c) => c.collection === 'contacts_v2')!.args).to.deep.equal([
      { _id: 'a' },
      { projection: HIDE_POSITION },
    ]);
    expect((await store.getMany('contacts', ['a', 'x', 'b'])).map((d) => d._id)).to.deep.equal(['a', 'b']);
    expect(mongo.calls('find')[0]!.args).to.deep.equal([
      { _id: { $in: ['a', 'x', 'b'] } },
      { projection: HIDE_POSITION },
    ]);
  });

  it('asks no physical collection before a version is active, and trusts a resolved alias for a while', async () => {
    const mongo = fakeMongo();
    const store = await open(mongo);
    expect(await store.find('contacts', {})).to.deep.equal({ items: [], next: null });
    expect(await store.count('contacts', {})).to.equal(0);
    expect(await store.get('contacts', 'a')).to.equal(null);
    expect(mongo.log.map((c) => c.collection)).to.deep.equal(['readstore_aliases']);
  });

  it('counts with the filter as MongoDB reads it', async () => {
    const mongo = fakeMongo({ findOne: aliased });
    const store = await open(mongo);
    expect(await store.count('contacts', { a: {}, b: 1 } as never)).to.equal(4);
    expect(mongo.calls('countDocuments')[0]!.args).to.deep.equal([{ b: 1 }]);
  });

  it('commits the documents first, then raises the checkpoint with $max', async () => {
    const mongo = fakeMongo();
    const store = await open(mongo);
    const checkpoint = 2n ** 55n + 1n;
    await store.commit({
      projection: 'p',
      version: 1,
      checkpoint,
      changes: [{ op: 'upsert', collection: 'contacts', doc: { _id: 'a', companyId: 'c' }, position: checkpoint }],
    });
    expect(mongo.log.map((c) => `${c.collection}.${c.method}`)).to.deep.equal([
      'contacts_v1.bulkWrite',
      'readstore_checkpoints.updateOne',
    ]);
    const [filter, update, options] = mongo.calls('updateOne')[0]!.args as [
      unknown,
      { $max: { position: Long } },
      unknown,
    ];
    expect(filter).to.deep.equal({ _id: 'p:1' });
    expect(update.$max.position.toBigInt()).to.equal(checkpoint);
    expect(update).to.deep.include({ $setOnInsert: { projection: 'p', version: 1 } });
    expect(options).to.deep.equal({ upsert: true });
  });

  it('returns documents for update without the hidden field and with their position as bigint', async () => {
    const position = 2n ** 60n + 5n;
    const mongo = fakeMongo({
      find: { contacts_v3: [{ _id: 'a', companyId: 'c', n: 1, [POSITION_FIELD]: Long.fromBigInt(position) }] },
    });
    const store = await open(mongo);
    const found = await store.getForUpdate(3, 'contacts', ['a', 'b']);
    expect([...found.entries()]).to.deep.equal([['a', { doc: { _id: 'a', companyId: 'c', n: 1 }, position }]]);
    expect(mongo.calls('find')[0]!.args).to.deep.equal([{ _id: { $in: ['a', 'b'] } }]);
  });

  it('reads the projection state with bigint checkpoints', async () => {
    const mongo = fakeMongo({
      findOne: { readstore_projections: { _id: 'p', activeVersion: 2 } },
      find: {
        readstore_checkpoints: [
          { _id: 'p:2', projection: 'p', version: 2, position: Long.fromBigInt(2n ** 54n) },
          { _id: 'p:3', projection: 'p', version: 3, position: 9 },
        ],
      },
    });
    const store = await open(mongo);
    expect(await store.projectionState('p')).to.deep.equal({ activeVersion: 2, checkpoints: { 2: 2n ** 54n, 3: 9n } });
    expect(mongo.calls('find')[0]!.args).to.deep.equal([{ projection: 'p' }]);
  });

  it('opens the database the URL names, with majority writes and primary reads pinned, and finishes due drops of retired collections', async () => {
    const mongo = fakeMongo();
    await getMongoReadStore({
      url: 'mongodb://unused/outreach?w=1&readPreference=secondaryPreferred',
      client: mongo.client,
    });
    const [db] = mongo.calls('db');
    expect(db!.args[0]).to.equal('outreach');
    expect(db!.args[1]).to.deep.equal({ writeConcern: { w: 'majority' }, readPreference: ReadPreference.primary });
    expect(mongo.calls('find').map((c) => [c.collection, c.args[0]])).to.deep.equal([
      ['readstore_aliases', { 'retired.0': { $exists: true } }],
    ]);
  });

  it('given a URL naming no database and no database option, then it refuses to open, naming MONGODB_URL and what to add', async () => {
    const error = await getMongoReadStore({
      url: 'mongodb://reader:s3cret@db:27017/?replicaSet=rs0',
      client: fakeMongo().client,
    }).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(ConfigurationError);
    expect((error as ConfigurationError).setting).to.equal('MONGODB_URL');
    expect((error as Error).message)
      .to.contain('names no database: add its name after the hosts')
      .and.not.contain('s3cret');
  });

  it('activates by moving readers first, each alias recording the collection it replaces, then recording the version', async () => {
    const mongo = fakeMongo({
      findOne: {
        readstore_projections: { _id: 'p', activeVersion: 1 },
        readstore_aliases: { _id: 'contacts', physical: 'contacts_v1' },
      },
    });
    const store = await getMongoReadStore({
      url: 'mongodb://unused/outreach',
      client: mongo.client,
      scheduler: virtualClock(now),
      retiredGraceMs: 5000,
    });
    mongo.log.length = 0;
    await store.activate('p', 2, [{ name: 'contacts', indexes: [] }]);
    expect(mongo.log.map((c) => `${c.collection}.${c.method}`)).to.deep.equal([
      'readstore_projections.findOne',
      'readstore_aliases.findOne',
      'readstore_aliases.updateOne',
      'readstore_projections.updateOne',
      'readstore_checkpoints.deleteOne',
      'readstore_aliases.find',
    ]);
    expect(mongo.log[2]!.args).to.deep.equal([
      { _id: 'contacts', physical: 'contacts_v1' },
      {
        $set: { physical: 'contacts_v2' },
        $push: { retired: { physical: 'contacts_v1', dropAfter: new Date(now.getTime() + 5000) } },
      },
    ]);
    expect(mongo.log[4]!.args).to.deep.equal([{ _id: 'p:1' }]);
    expect(mongo.calls('dropCollection')).to.deep.equal([]);
  });

  it('forgets a cached alias when it activates, so its own readers move at once', async () => {
    const mongo = fakeMongo();
    const store = await open(mongo);
    await store.get('contacts', 'a');
    await store.activate('p', 1, [{ name: 'contacts', indexes: [] }]);
    mongo.log.length = 0;
    await store.get('contacts', 'a');
    expect(mongo.calls('findOne').filter((c) => c.collection === 'readstore_aliases')).to.have.length(1);
  });

  it('prepares collections that may already exist, leaving their indexes for activation and keeping any retired one of the same name', async () => {
    const mongo = fakeMongo({
      createCollection: () => {
        throw new MongoServerError({ message: 'exists', code: 48 });
      },
    });
    const store = await open(mongo);
    await store.prepare(4, [
      { name: 'contacts', indexes: [{ fields: [['status', 1]] }] },
      { name: 'calls', indexes: [] },
    ]);
    expect(mongo.log.map((c) => `${c.collection}.${c.method}`)).to.deep.equal([
      'contacts_v4.createCollection',
      'readstore_aliases.updateOne',
      'calls_v4.createCollection',
      'readstore_aliases.updateOne',
    ]);
    expect(mongo.log[1]!.args).to.deep.equal([
      { _id: 'contacts' },
      { $pull: { retired: { physical: 'contacts_v4' } } },
    ]);
  });

  it('builds the declared indexes when it activates, before readers move', async () => {
    const mongo = fakeMongo();
    const store = await open(mongo);
    await store.activate('p', 4, [
      { name: 'contacts', indexes: [{ fields: [['status', 1]] }] },
      { name: 'calls', indexes: [] },
    ]);
    expect(mongo.log.map((c) => `${c.collection}.${c.method}`).slice(0, 2)).to.deep.equal([
      'contacts_v4.createIndexes',
      'readstore_projections.findOne',
    ]);
    expect(mongo.calls('createIndexes')[0]!.args).to.deep.equal([[{ key: { status: 1 } }]]);
  });

  it('rethrows other errors while preparing', async () => {
    const failure = new MongoServerError({ message: 'not authorized', code: 13 });
    const mongo = fakeMongo({
      createCollection: () => {
        throw failure;
      },
    });
    const store = await open(mongo);
    expect(await store.prepare(1, [{ name: 'contacts', indexes: [] }]).catch((e: unknown) => e)).to.equal(failure);
  });

  it('pings the server and answers false when it does not answer', async () => {
    const mongo = fakeMongo();
    expect(await (await open(mongo)).ping()).to.equal(true);
    expect(mongo.calls('command')[0]!.args).to.deep.equal([{ ping: 1 }]);
    const down = fakeMongo({
      ping: () => {
        throw new Error('server selection timed out');
      },
    });
    expect(await (await open(down)).ping()).to.equal(false);
  });

  it('leaves a client it was given open on close', async () => {
    const mongo = fakeMongo();
    await (await open(mongo)).close();
    expect(mongo.closed()).to.equal(false);
  });
});
