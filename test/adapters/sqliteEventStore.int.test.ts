import { expect } from 'chai';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getSqliteEventStore, type SqliteEventStore } from '../../adapters/eventstore/sqlite/sqliteEventStore.ts';
import type { RecordedEvent } from '../../domain/events/event.ts';
import { ConcurrencyError } from '../../domain/errors.ts';
import { tallyEvents, tallyRegistry } from '../support/tally.ts';
import { tempStores } from '../support/tempStores.ts';

describe('SQLite event store: group commit', () => {
  let stores: ReturnType<typeof tempStores>;
  beforeEach(() => {
    stores = tempStores(tallyRegistry);
  });
  afterEach(() => stores.dispose());

  it('an append that fails part-way leaves none of its events and fails no neighbour in its transaction', async () => {
    const store = stores.eventStore;
    const [taken] = tallyEvents('tally-a', 1);
    await store.append('tally-a', [taken!], 'no_stream');
    const clashing = [...tallyEvents('tally-b', 2), taken!];
    const outcomes = await Promise.allSettled([
      store.append('tally-c', tallyEvents('tally-c', 2), 'no_stream'),
      store.append('tally-b', clashing, 'no_stream'),
      store.append('tally-d', tallyEvents('tally-d', 2), 'no_stream'),
    ]);
    expect(outcomes.map((o) => o.status)).to.deep.equal(['fulfilled', 'rejected', 'fulfilled']);
    expect((outcomes[1] as PromiseRejectedResult).reason).to.be.instanceOf(ConcurrencyError);
    const streams = store.db.prepare('SELECT stream, count(*) AS n FROM events GROUP BY stream ORDER BY stream').all();
    expect(streams).to.deep.equal([
      { stream: 'tally-a', n: 1 },
      { stream: 'tally-c', n: 2 },
      { stream: 'tally-d', n: 2 },
    ]);
    const positions = store.db.prepare('SELECT position FROM events ORDER BY position').pluck().all();
    expect(positions).to.deep.equal([1, 2, 3, 4, 5]);
  });

  it('commits the appends of one tick in one transaction', async () => {
    const store = stores.eventStore;
    const before = store.commitStats();
    await Promise.all(
      Array.from({ length: 100 }, (_, i) => store.append(`tally-${i}`, tallyEvents(`tally-${i}`, 1), 'no_stream')),
    );
    const after = store.commitStats();
    expect(after.transactions - before.transactions).to.equal(1);
    expect(after.appends - before.appends).to.equal(100);
    expect(await store.headPosition()).to.equal(100n);
  });
});

describe('SQLite event store: two processes on one file', () => {
  let dir: string;
  const opened: SqliteEventStore[] = [];
  const open = () => {
    const store = getSqliteEventStore({ path: join(dir, 'events.db'), registry: tallyRegistry, pollIntervalMs: 20 });
    opened.push(store);
    return store;
  };
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'events-'));
  });
  afterEach(async () => {
    for (const store of opened.splice(0)) await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a subscription at the head sees what the other process appends, though its own process appends nothing', async () => {
    const writer = open();
    const reader = open();
    await writer.append('tally-a', tallyEvents('tally-a', 2), 'no_stream');
    const subscription = reader.subscribe();
    const pages = subscription[Symbol.asyncIterator]();
    expect((await pages.next()).value).to.have.length(2);
    const next = pages.next();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await writer.append('tally-a', tallyEvents('tally-a', 3), 'stream_exists');
    const timeout = new Promise((resolve) => setTimeout(() => resolve({ value: 'nothing within a second' }), 1000));
    const page = ((await Promise.race([next, timeout])) as IteratorResult<readonly RecordedEvent[]>).value;
    await subscription.close();
    expect(page).to.be.an('array').with.length(3);
  });
});

describe('SQLite event store: pages of large events', () => {
  let stores: ReturnType<typeof tempStores>;
  beforeEach(() => {
    stores = tempStores(tallyRegistry);
  });
  afterEach(() => stores.dispose());

  /** Twelve events of about 300 kB each (a launch's enrolment batches are of that size), three per append. */
  const appendLarge = async () => {
    const store = stores.eventStore;
    for (let append = 0; append < 4; append++) {
      const events = tallyEvents('tally-large', 3).map((event, i) => ({
        ...event,
        data: { tallyId: 'tally-large', companyId: `${append * 3 + i}:${'x'.repeat(300_000)}`, by: 1 },
      }));
      await store.append('tally-large', events, append === 0 ? 'no_stream' : BigInt(append * 3 - 1));
    }
  };
  const order = (events: readonly RecordedEvent[]) =>
    events.map((e) => Number((e.data as { companyId: string }).companyId.split(':')[0]));

  it('given events of 300 kB, when followed, then each page holds about a megabyte of them, and every event comes in order without waiting', async () => {
    await appendLarge();
    const subscription = stores.eventStore.subscribe({ after: 0n, batchSize: 1000 });
    const pages: number[] = [];
    const seen: RecordedEvent[] = [];
    for await (const page of subscription) {
      pages.push(page.length);
      seen.push(...page);
      if (seen.length === 12) break;
    }
    await subscription.close();
    expect(order(seen)).to.deep.equal(Array.from({ length: 12 }, (_, i) => i));
    expect(Math.max(...pages)).to.equal(3);
  });

  it('given events of 300 kB, when a stream or the whole store is read, then every event comes, in order', async () => {
    await appendLarge();
    const read: RecordedEvent[] = [];
    for await (const event of stores.eventStore.readStream('tally-large')) read.push(event);
    const all: RecordedEvent[] = [];
    for await (const event of stores.eventStore.readAll()) all.push(event);
    expect(order(read)).to.deep.equal(Array.from({ length: 12 }, (_, i) => i));
    expect(order(all)).to.deep.equal(Array.from({ length: 12 }, (_, i) => i));
  });
});
