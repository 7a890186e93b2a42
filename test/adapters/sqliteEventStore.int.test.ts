import { expect } from 'chai';
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
    await Promise.all(Array.from({ length: 100 }, (_, i) => store.append(`tally-${i}`, tallyEvents(`tally-${i}`, 1), 'no_stream')));
    const after = store.commitStats();
    expect(after.transactions - before.transactions).to.equal(1);
    expect(after.appends - before.appends).to.equal(100);
    expect(await store.headPosition()).to.equal(100n);
  });
});
