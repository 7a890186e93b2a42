import { expect } from 'chai';
import { join } from 'node:path';
import { getSqliteEventStore } from '../../adapters/eventstore/sqlite/sqliteEventStore.ts';
import type { EventStore, ReadStreamOptions } from '../../commands/eventStore.ts';
import { commandHandler } from '../../commands/handleCommand.ts';
import { keepStreamStates, streamStates, streamStatesOf, type StreamStates } from '../../commands/streamStates.ts';
import type { Decider } from '../../domain/decider.ts';
import { eventStoreFailingAfter } from '../support/failingEventStore.ts';
import {
  context,
  tallyDecider,
  tallyRegistry,
  type TallyCommand,
  type TallyEvent,
  type TallyState,
} from '../support/tally.ts';
import { tempStores } from '../support/tempStores.ts';

/** A store that counts the events its stream reads hand out, and where each read started. */
const counting = (store: EventStore) => {
  const reads: { from: bigint; events: number }[] = [];
  const counted: EventStore = {
    ...store,
    maxAppendBytes: store.maxAppendBytes,
    async *readStream(stream: string, options?: ReadStreamOptions) {
      const read = { from: options?.fromRevision ?? 0n, events: 0 };
      reads.push(read);
      for await (const event of store.readStream(stream, options)) {
        read.events++;
        yield event;
      }
    },
  };
  return { store: counted, reads, eventsRead: () => reads.reduce((sum, read) => sum + read.events, 0) };
};

const increment = (by: number, tallyId = 't1'): TallyCommand => ({
  type: 'Increment',
  data: { tallyId, companyId: 'company-1', by },
});
const close: TallyCommand = { type: 'Close', data: { tallyId: 't1', companyId: 'company-1' } };

describe('command handling with folds kept between commands', () => {
  let stores: ReturnType<typeof tempStores>;
  const opened: EventStore[] = [];
  beforeEach(() => {
    stores = tempStores(tallyRegistry);
  });
  afterEach(async () => {
    for (const store of opened.splice(0)) await store.close();
    await stores.dispose();
  });

  /** A second connection to the same file, as another process has: its own turns and its own folds. */
  const otherProcess = () => {
    const store = getSqliteEventStore({ path: join(stores.dir, 'events.db'), registry: tallyRegistry });
    opened.push(store);
    return store;
  };

  const handlerOn = (store: EventStore, states?: StreamStates) =>
    commandHandler({
      store,
      registry: tallyRegistry,
      decider: tallyDecider,
      retry: { attempts: 8, baseDelayMs: 1, maxDelayMs: 5 },
      ...(states ? { states } : {}),
    });

  it('given a stream of 50 events folded by one command, when a second command comes, then only the events after the fold are read', async () => {
    const { store, reads, eventsRead } = counting(stores.eventStore);
    const handle = handlerOn(store);
    const there = handlerOn(otherProcess());
    for (let i = 0; i < 49; i++) await there('tally-t1', increment(1), context());
    await handle('tally-t1', increment(1), context());
    expect(eventsRead()).to.equal(50);

    const second = await handle('tally-t1', increment(2), context());

    expect(eventsRead()).to.equal(50);
    expect(reads[reads.length - 1]!.from).to.equal(51n);
    expect(second.newState).to.deep.equal({ status: 'open', total: 52 });
  });

  it('given a fold kept here, when another process appends, then the next command here decides on its events too', async () => {
    const here = handlerOn(stores.eventStore);
    const there = handlerOn(otherProcess());
    await here('tally-t1', increment(1), context());
    await there('tally-t1', increment(10), context());
    expect((await here('tally-t1', increment(100), context())).newState.total).to.equal(111);

    await there('tally-t1', close, context());
    const refused = await here('tally-t1', increment(1), context()).catch((e: unknown) => e);

    expect(refused).to.have.property('code', 'TALLY.CLOSED');
  });

  it('given a fold kept here, when the append conflicts with another process, then the retry reads the stream from its start', async () => {
    const { store, reads } = counting(stores.eventStore);
    const here = handlerOn(store);
    await here('tally-t1', increment(1), context());
    const there = otherProcess();
    let race = false;
    let conflicted = false;
    const racing: EventStore = {
      ...store,
      maxAppendBytes: store.maxAppendBytes,
      append: async (stream, events, expected) => {
        if (race && !conflicted) {
          conflicted = true;
          await handlerOn(there)('tally-t1', increment(10), context());
        }
        return store.append(stream, events, expected);
      },
    };
    const states = streamStates(racing);
    const racingHandler = handlerOn(racing, states);
    await racingHandler('tally-t1', increment(1), context());
    reads.splice(0);
    race = true;

    const result = await racingHandler('tally-t1', increment(100), context());

    expect(conflicted).to.equal(true);
    expect(reads.map((read) => read.from)).to.deep.equal([3n, 0n]);
    expect(result.newState.total).to.equal(112);
  });

  it('given an append that fails, when the next command comes, then it decides on what the store holds, not on the failed events', async () => {
    const failing = eventStoreFailingAfter(stores.eventStore, 1);
    const states = streamStates(failing);
    const handle = handlerOn(failing, states);
    await handle('tally-t1', increment(1), context());
    const failure = await handle('tally-t1', increment(5), context()).catch((e: unknown) => e);
    expect(failure).to.be.instanceOf(Error);
    expect((await states.fold(tallyDecider, 'tally-t1')).state).to.deep.equal({ status: 'open', total: 1 });

    const next = await handlerOn(stores.eventStore, states)('tally-t1', increment(2), context());

    expect(next.newState.total).to.equal(3);
  });

  it('given at most 2 folds kept, when commands go to 5 streams, then at most 2 are kept and each stream is still decided from its whole history', async () => {
    const states = streamStates(stores.eventStore, { maxEntries: 2, maxBytes: 1024 * 1024 });
    const handle = handlerOn(stores.eventStore, states);
    for (const round of [1, 2])
      for (const n of [1, 2, 3, 4, 5]) {
        const result = await handle(`tally-t${n}`, increment(n, `t${n}`), context());
        expect(result.newState.total).to.equal(n * round);
        expect(states.size).to.be.at.most(2);
      }
  });

  it('given bounds set for a store before its first command, when its handlers decide, then they keep folds within them', async () => {
    const kept = keepStreamStates(stores.eventStore, { maxEntries: 1, maxBytes: 1024 * 1024 });
    const handle = handlerOn(stores.eventStore);
    await handle('tally-t1', increment(1), context());
    await handle('tally-t2', increment(1, 't2'), context());

    expect(streamStatesOf(stores.eventStore)).to.equal(kept);
    expect(kept.size).to.equal(1);
  });

  it('given a command handled, when it is sent again after others and again after its fold was dropped, then it is answered as repeated each time', async () => {
    const states = streamStates(stores.eventStore, { maxEntries: 1, maxBytes: 1024 * 1024 });
    const handle = handlerOn(stores.eventStore, states);
    const first = await handle('tally-t1', increment(1), context({ commandId: 'once' }));
    await handle('tally-t1', increment(2), context());

    const kept = await handle('tally-t1', increment(1), context({ commandId: 'once' }));
    await handle('tally-t2', increment(1, 't2'), context());
    const dropped = await handle('tally-t1', increment(1), context({ commandId: 'once' }));

    for (const again of [kept, dropped]) {
      expect(again.repeated).to.equal(true);
      expect(again.position).to.equal(first.position);
      expect(again.newState.total).to.equal(3);
    }
  });

  it('given two deciders folding one stream differently, when each handles a command, then each decides on its own fold', async () => {
    type Counted = { readonly events: number };
    const counter: Decider<Counted, TallyCommand, TallyEvent> = {
      initialState: () => ({ events: 0 }),
      evolve: (state) => ({ events: state.events + 1 }),
      decide: (command) => ({
        type: 'TallyIncremented',
        data: { ...(command.data as { tallyId: string; companyId: string }), by: 0 },
      }),
    };
    const tallies = handlerOn(stores.eventStore);
    const counts = commandHandler({ store: stores.eventStore, registry: tallyRegistry, decider: counter });
    await tallies('tally-t1', increment(4), context());

    const counted = await counts('tally-t1', increment(0), context());
    const tallied = await tallies('tally-t1', increment(1), context());

    expect(counted.newState).to.deep.equal({ events: 3 });
    expect(tallied.newState).to.deep.equal({ status: 'open', total: 5 });
  });
});

describe('command handling with folds kept, for commands recorded in parts', () => {
  let stores: ReturnType<typeof tempStores>;
  beforeEach(() => {
    stores = tempStores(tallyRegistry, { maxAppendBytes: 4096 });
  });
  afterEach(() => stores.dispose());

  /** One increment event per unit, so one command holds more events than one append may. */
  const inUnits: Decider<TallyState, TallyCommand, TallyEvent> = {
    ...tallyDecider,
    decide: (command, state) =>
      command.type === 'Increment'
        ? Array.from({ length: command.data.by }, () => ({
            type: 'TallyIncremented' as const,
            data: { ...command.data, by: 1 },
          }))
        : tallyDecider.decide(command, state),
    divisible: (command) => command.type === 'Increment',
  };
  const handlerOn = (store: EventStore, states: StreamStates) =>
    commandHandler({
      store,
      registry: tallyRegistry,
      decider: inUnits,
      states,
      retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 5 },
    });

  it('given a command recorded in several appends, when the next command comes, then it reads nothing and decides on every part', async () => {
    const { store, eventsRead } = counting(stores.eventStore);
    const states = streamStates(store);
    const handle = handlerOn(store, states);
    await handle('tally-t1', increment(100), context());
    const readBefore = eventsRead();

    const next = await handle('tally-t1', increment(1), context());

    expect(eventsRead()).to.equal(readBefore);
    expect(next.newState.total).to.equal(101);
  });

  it('given a process that stopped after the first part, when the command is sent again, then it is answered as repeated from the part the store holds', async () => {
    const states = streamStates(stores.eventStore);
    const stopped = await handlerOn(eventStoreFailingAfter(stores.eventStore, 1), states)(
      'tally-t1',
      increment(100),
      context({ commandId: 'in-parts' }),
    ).catch((e: unknown) => e);
    expect(stopped).to.be.instanceOf(Error);

    const again = await handlerOn(stores.eventStore, states)(
      'tally-t1',
      increment(100),
      context({ commandId: 'in-parts' }),
    );

    expect(again.repeated).to.equal(true);
    expect(again.newState.total).to.be.within(1, 99);
  });
});
