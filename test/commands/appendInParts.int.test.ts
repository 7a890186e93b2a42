import { expect } from 'chai';
import { commandHandler } from '../../commands/handleCommand.ts';
import { encodedEventSize } from '../../commands/appendLimit.ts';
import type { EventStore } from '../../commands/eventStore.ts';
import type { Decider } from '../../domain/decider.ts';
import { AppendTooLargeError, ConcurrencyError } from '../../domain/errors.ts';
import type { RecordedEvent } from '../../domain/events/event.ts';
import {
  context,
  tallyDecider,
  tallyRegistry,
  type TallyCommand,
  type TallyEvent,
  type TallyState,
} from '../support/tally.ts';
import { tempStores } from '../support/tempStores.ts';
import { eventStoreFailingAfter } from '../support/failingEventStore.ts';

const LIMIT = 4096;

/** A tally command that records one increment per unit, so one command can hold many events. */
const inUnits = (divisible: boolean): Decider<TallyState, TallyCommand, TallyEvent> => ({
  ...tallyDecider,
  decide: (command) =>
    command.type === 'Increment'
      ? Array.from({ length: command.data.by }, () => ({
          type: 'TallyIncremented' as const,
          data: { ...command.data, by: 1 },
        }))
      : tallyDecider.decide(command, tallyDecider.initialState()),
  ...(divisible ? { divisible: (command: TallyCommand) => command.type === 'Increment' } : {}),
});

const increment = (by: number, tallyId = 't1'): TallyCommand => ({
  type: 'Increment',
  data: { tallyId, companyId: 'company-1', by },
});

const readAll = async (store: EventStore, stream: string): Promise<RecordedEvent[]> => {
  const events: RecordedEvent[] = [];
  for await (const event of store.readStream(stream)) events.push(event);
  return events;
};

/** The store, noting the encoded size of each append it is asked for. */
const counted = (store: EventStore) => {
  const appends: number[] = [];
  const counting: EventStore = {
    ...store,
    maxAppendBytes: store.maxAppendBytes,
    append: (stream, events, expected) => {
      appends.push(events.reduce((sum, e) => sum + encodedEventSize(e), 0));
      return store.append(stream, events, expected);
    },
  };
  return { appends, counting };
};

describe('command handling under the append size limit', () => {
  let stores: ReturnType<typeof tempStores>;
  beforeEach(() => {
    stores = tempStores(tallyRegistry, { maxAppendBytes: LIMIT });
  });
  afterEach(() => stores.dispose());

  const handler = (decider: Decider<TallyState, TallyCommand, TallyEvent>, store: EventStore = stores.eventStore) =>
    commandHandler({ store, registry: tallyRegistry, decider, retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 5 } });

  it('given a divisible command whose events exceed the limit, when handled, then they are appended in parts within the limit, in order, and read back whole', async () => {
    const { appends, counting } = counted(stores.eventStore);
    const result = await handler(inUnits(true), counting)('tally-t1', increment(100), context());
    expect(appends.length).to.be.greaterThan(1);
    expect(appends.every((size) => size <= LIMIT)).to.equal(true);
    const events = await readAll(stores.eventStore, 'tally-t1');
    expect(events).to.have.length(100);
    expect(events.map((e) => e.revision)).to.deep.equal(Array.from({ length: 100 }, (_, i) => BigInt(i)));
    expect(result.newState.total).to.equal(100);
    expect(result.position).to.equal(events.at(-1)!.position);
    expect(result.nextExpectedRevision).to.equal(99n);
  });

  it('given a command that is not divisible, when its events exceed the limit, then it is refused with AppendTooLargeError (413) and nothing is appended', async () => {
    const { appends, counting } = counted(stores.eventStore);
    const error = await handler(inUnits(false), counting)('tally-t1', increment(100), context()).catch(
      (e: unknown) => e,
    );
    expect(appends, 'appends asked of the store').to.deep.equal([]);
    expect(error).to.be.instanceOf(AppendTooLargeError);
    expect(error).to.include({ stream: 'tally-t1', limit: LIMIT, what: 'append' });
    expect((error as AppendTooLargeError).size).to.be.greaterThan(LIMIT);
    expect(await stores.eventStore.headPosition()).to.equal(0n);
  });

  it('given one event larger than the limit among small ones, when a divisible command is handled, then it is refused whole before anything is appended', async () => {
    const oneTooBig: Decider<TallyState, TallyCommand, TallyEvent> = {
      ...inUnits(true),
      decide: (command) => [
        ...(inUnits(true).decide(command, tallyDecider.initialState()) as TallyEvent[]),
        { type: 'TallyIncremented', data: { tallyId: 'x'.repeat(LIMIT), companyId: 'company-1', by: 1 } },
      ],
    };
    const { appends, counting } = counted(stores.eventStore);
    const error = await handler(oneTooBig, counting)('tally-t1', increment(30), context()).catch((e: unknown) => e);
    expect(appends, 'appends asked of the store').to.deep.equal([]);
    expect(error).to.be.instanceOf(AppendTooLargeError);
    expect(error).to.include({ what: 'event', limit: LIMIT });
    expect(await stores.eventStore.headPosition()).to.equal(0n);
  });

  it('given a process that stops after the first part, when the command is sent again, then it is answered as repeated: what was recorded is a state of its own', async () => {
    const stopping = eventStoreFailingAfter(stores.eventStore, 1);
    const commandContext = context({ commandId: 'split-once' });
    const error = await handler(inUnits(true), stopping)('tally-t1', increment(100), commandContext).catch(
      (e: unknown) => e,
    );
    expect(error).to.be.instanceOf(Error);
    const recorded = await readAll(stores.eventStore, 'tally-t1');
    expect(recorded.length).to.be.greaterThan(0).and.lessThan(100);
    const again = await handler(inUnits(true))('tally-t1', increment(100), commandContext);
    expect(again.repeated).to.equal(true);
    expect(await readAll(stores.eventStore, 'tally-t1')).to.have.length(recorded.length);
  });

  it('given another writer between two parts, when the second part conflicts, then the handler stops with ConcurrencyError rather than retry and answer a half-recorded command as repeated', async () => {
    let appends = 0;
    const interrupted: EventStore = {
      ...stores.eventStore,
      maxAppendBytes: LIMIT,
      append: async (stream, events, expected) => {
        if (++appends === 2)
          await stores.eventStore.append(
            stream,
            [{ ...events[0]!, id: '018f0000-0000-7000-8000-000000000001' }],
            'any',
          );
        return stores.eventStore.append(stream, events, expected);
      },
    };
    const error = await handler(inUnits(true), interrupted)('tally-t1', increment(100), context()).catch(
      (e: unknown) => e,
    );
    expect(error).to.be.instanceOf(ConcurrencyError);
    expect(appends).to.equal(2);
  });

  it('given small events, when handled, then they go in one append as before', async () => {
    const { appends, counting } = counted(stores.eventStore);
    await handler(inUnits(true), counting)('tally-t1', increment(3), context());
    expect(appends).to.have.length(1);
  });
});
