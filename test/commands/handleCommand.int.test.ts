import { expect } from 'chai';
import { commandHandler } from '../../commands/handleCommand.ts';
import { ConcurrencyError, IllegalStateError } from '../../domain/errors.ts';
import { context, tallyDecider, tallyRegistry, type TallyEvent } from '../support/tally.ts';
import { tempStores } from '../support/tempStores.ts';
import { getSqliteEventStore } from '../../adapters/eventstore/sqlite/sqliteEventStore.ts';
import type { EventStore } from '../../commands/eventStore.ts';
import { join } from 'node:path';

describe('command handling', () => {
  let stores: ReturnType<typeof tempStores>;
  beforeEach(() => {
    stores = tempStores(tallyRegistry);
  });
  afterEach(() => stores.dispose());

  const handler = (attempts = 8) =>
    commandHandler({
      store: stores.eventStore,
      registry: tallyRegistry,
      decider: tallyDecider,
      retry: { attempts, baseDelayMs: 1, maxDelayMs: 20 },
    });
  const increment = (by: number) => ({
    type: 'Increment' as const,
    data: { tallyId: 't1', companyId: 'company-1', by },
  });

  it('reads, decides and appends with metadata from the command context', async () => {
    const result = await handler()('tally-t1', increment(3), context({ commandId: 'c-1', actor: 'admin@firm' }));
    expect(result.newEvents.map((e) => e.type)).to.deep.equal(['TallyOpened', 'TallyIncremented']);
    expect(result.newState).to.deep.equal({ status: 'open', total: 3 });
    const events = [];
    for await (const e of stores.eventStore.readStream('tally-t1')) events.push(e);
    expect(events[1]!.metadata).to.deep.include({
      commandId: 'c-1',
      actor: 'admin@firm',
      correlationId: 'c-1',
      schemaVersion: 2,
    });
    expect(result.position).to.equal(events[1]!.position);
  });

  it('answers a re-sent command with its first result and appends nothing', async () => {
    const handle = handler();
    const first = await handle('tally-t1', increment(3), context({ commandId: 'same' }));
    const again = await handle('tally-t1', increment(3), context({ commandId: 'same' }));
    expect(again.repeated).to.equal(true);
    expect(again.position).to.equal(first.position);
    expect(await stores.eventStore.headPosition()).to.equal(2n);
  });

  it('refuses a command the state does not allow and appends nothing', async () => {
    const handle = handler();
    await handle('tally-t1', increment(1), context());
    await handle('tally-t1', { type: 'Close', data: { tallyId: 't1', companyId: 'company-1' } }, context());
    const head = await stores.eventStore.headPosition();
    const error = await handle('tally-t1', increment(1), context()).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(IllegalStateError);
    expect(await stores.eventStore.headPosition()).to.equal(head);
  });

  /** A second connection to the same file, as another process has: it does not share this process's turns. */
  const otherProcess = () => {
    const store = getSqliteEventStore({ path: join(stores.dir, 'events.db'), registry: tallyRegistry });
    opened.push(store);
    return store;
  };
  const opened: EventStore[] = [];
  afterEach(async () => {
    for (const store of opened.splice(0)) await store.close();
  });

  const totalOf = async () => {
    let total = 0;
    for await (const e of stores.eventStore.readStream('tally-t1'))
      if (e.type === 'TallyIncremented') total += (e.data as { by: number }).by;
    return total;
  };

  it('lets commands of one process on one stream take turns, so 100 at once all land without a retry', async () => {
    const handle = handler(1);
    await handle('tally-t1', increment(1), context());
    const outcomes = await Promise.allSettled(
      Array.from({ length: 100 }, () => handler(1)('tally-t1', increment(1), context())),
    );
    expect(outcomes.filter((o) => o.status === 'rejected')).to.deep.equal([]);
    expect(await totalOf()).to.equal(101);
  });

  it('retries on conflict with another process, so concurrent commands on one stream all land', async () => {
    const here = handler(50);
    const there = commandHandler({
      store: otherProcess(),
      registry: tallyRegistry,
      decider: tallyDecider,
      retry: { attempts: 50, baseDelayMs: 1, maxDelayMs: 20 },
    });
    await here('tally-t1', increment(1), context());
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 ? here : there)('tally-t1', increment(1), context())),
    );
    expect(await totalOf()).to.equal(21);
  });

  it('200 concurrent commands from two processes, tried once: losers get ConcurrencyError, state equals the fold of accepted events', async () => {
    const here = handler(1);
    const there = commandHandler({
      store: otherProcess(),
      registry: tallyRegistry,
      decider: tallyDecider,
      retry: { attempts: 1, baseDelayMs: 1, maxDelayMs: 20 },
    });
    await here('tally-t1', increment(1), context());
    const outcomes = await Promise.allSettled(
      Array.from({ length: 200 }, (_, i) => (i % 2 ? here : there)('tally-t1', increment(i + 1), context())),
    );
    const accepted = outcomes.filter((o) => o.status === 'fulfilled');
    const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(accepted.length).to.be.at.least(1);
    expect(refused.length).to.be.at.least(1);
    expect(accepted.length + refused.length).to.equal(200);
    for (const o of refused) expect(o.reason).to.be.instanceOf(ConcurrencyError);
    const stored: TallyEvent[] = [];
    for await (const e of stores.eventStore.readStream('tally-t1')) stored.push(e as unknown as TallyEvent);
    const folded = stored.reduce(tallyDecider.evolve, tallyDecider.initialState());
    const expectedTotal =
      1 +
      accepted.reduce(
        (sum, o) =>
          sum +
          (o as PromiseFulfilledResult<{ newEvents: readonly TallyEvent[] }>).value.newEvents.reduce(
            (s, e) => s + (e.type === 'TallyIncremented' ? e.data.by : 0),
            0,
          ),
        0,
      );
    expect(folded.total).to.equal(expectedTotal);
    expect(stored).to.have.length(2 + accepted.length);
  });

  it('gives up with ConcurrencyError after its retries', async () => {
    let calls = 0;
    const store = stores.eventStore;
    const alwaysConflicting = {
      ...store,
      append: async () => {
        calls++;
        throw new ConcurrencyError('tally-t1', '0', '1');
      },
    };
    const handle = commandHandler({
      store: alwaysConflicting,
      registry: tallyRegistry,
      decider: tallyDecider,
      retry: { attempts: 4, baseDelayMs: 1, maxDelayMs: 2 },
    });
    const error = await handle('tally-t1', increment(1), context()).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(ConcurrencyError);
    expect(calls).to.equal(4);
  });
});
