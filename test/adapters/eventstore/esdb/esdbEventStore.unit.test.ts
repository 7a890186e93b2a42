import { expect } from 'chai';
import { Readable } from 'node:stream';
import {
  EventStoreDBClient,
  UnavailableError,
  WrongExpectedVersionError,
  type ReadPosition,
} from '@eventstore/db-client';
import { getEsdbEventStore, type EsdbClient } from '../../../../adapters/eventstore/esdb/esdbEventStore.ts';
import type { RecordedEvent } from '../../../../domain/events/event.ts';
import { AppendTooLargeError, ConcurrencyError } from '../../../../domain/errors.ts';
import { encodedAppendSize } from '../../../../commands/appendLimit.ts';
import { tallyEvents, tallyRegistry } from '../../../support/tally.ts';
import { fakeEsdb, type FakeEsdb } from './fakeEsdbClient.ts';
import { appendRaw } from './appendRaw.ts';

const collect = async <T>(iterable: AsyncIterable<T>): Promise<T[]> => {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
};

const rejection = (attempt: Promise<unknown>): Promise<unknown> =>
  attempt.then(
    () => expect.fail('expected a rejection'),
    (error: unknown) => error,
  );

/** The fake's client with some methods replaced, to stage answers a real server gives rarely. */
const withClient = (fake: FakeEsdb, overrides: Partial<Record<keyof EsdbClient, unknown>>): EsdbClient =>
  ({ ...fake.client, ...overrides }) as unknown as EsdbClient;

describe('EventStoreDB event store', () => {
  let fake: FakeEsdb;
  beforeEach(() => {
    fake = fakeEsdb({ systemEventAfterAppend: true });
  });

  describe('append', () => {
    it("sends each expected revision in the client's terms, with our event ids", async () => {
      const store = getEsdbEventStore({ client: fake.client, registry: tallyRegistry });
      const events = tallyEvents('tally-1', 2);
      await store.append('tally-1', events, 'no_stream');
      await store.append('tally-1', tallyEvents('tally-1', 1), 1n);
      await store.append('tally-1', tallyEvents('tally-1', 1), 'stream_exists');
      await store.append('tally-1', tallyEvents('tally-1', 1), 'any');
      expect(fake.appendCalls.map((c) => c.expectedRevision)).to.deep.equal(['no_stream', 1n, 'stream_exists', 'any']);
      expect(fake.appendCalls[0]!.ids).to.deep.equal(events.map((e) => e.id));
    });

    it('answers the revision and commit position of the last event written', async () => {
      const store = getEsdbEventStore({ client: fake.client, registry: tallyRegistry });
      const result = await store.append('tally-1', tallyEvents('tally-1', 3), 'no_stream');
      const last = fake.records.filter((r) => r.streamId === 'tally-1').at(-1)!;
      expect(result).to.deep.equal({ nextExpectedRevision: 2n, position: last.position.commit });
    });

    it('refuses a stale writer with a ConcurrencyError naming stream, expected and actual revision', async () => {
      const store = getEsdbEventStore({ client: fake.client, registry: tallyRegistry });
      await store.append('tally-1', tallyEvents('tally-1', 2), 'no_stream');
      const error = await rejection(store.append('tally-1', tallyEvents('tally-1', 1), 0n));
      expect(error).to.be.instanceOf(ConcurrencyError);
      expect(error).to.include({ stream: 'tally-1', expected: '0', actual: '1' });
      const missing = await rejection(store.append('tally-2', tallyEvents('tally-2', 1), 'stream_exists'));
      expect(missing).to.include({ stream: 'tally-2', expected: 'stream_exists', actual: 'no_stream' });
    });

    for (const positionOnRepeat of [true, false]) {
      it(`answers a repeat at an exact revision with the first result after the stream moved on (${positionOnRepeat ? 'with' : 'without'} a position from the server)`, async () => {
        fake = fakeEsdb({ positionOnRepeat, systemEventAfterAppend: true });
        const store = getEsdbEventStore({ client: fake.client, registry: tallyRegistry });
        await store.append('tally-1', tallyEvents('tally-1', 1), 'no_stream');
        const events = tallyEvents('tally-1', 2);
        const first = await store.append('tally-1', events, 0n);
        await store.append('tally-1', tallyEvents('tally-1', 1), 2n);
        expect(await store.append('tally-1', events, 0n)).to.deep.equal(first);
        expect(await collect(store.readStream('tally-1'))).to.have.length(4);
      });
    }

    describe('when the server refuses a repeat with WrongExpectedVersion', () => {
      const refusing = (current: bigint) =>
        withClient(fake, {
          appendToStream: async (streamName: string) => {
            throw new WrongExpectedVersionError(undefined, { streamName, expected: 'no_stream', current });
          },
        });

      it('finds the events sent by id and answers the first result', async () => {
        const first = getEsdbEventStore({ client: fake.client, registry: tallyRegistry });
        const events = tallyEvents('tally-1', 2);
        const result = await first.append('tally-1', events, 'no_stream');
        const store = getEsdbEventStore({ client: refusing(1n), registry: tallyRegistry });
        expect(await store.append('tally-1', events, 'no_stream')).to.deep.equal(result);
      });

      it('refuses a partial repeat', async () => {
        const first = getEsdbEventStore({ client: fake.client, registry: tallyRegistry });
        const events = tallyEvents('tally-1', 2, 'command-1');
        await first.append('tally-1', events.slice(0, 1), 'no_stream');
        await first.append('tally-1', tallyEvents('tally-1', 1), 0n);
        const store = getEsdbEventStore({ client: refusing(1n), registry: tallyRegistry });
        const error = await rejection(store.append('tally-1', events, 'no_stream'));
        expect(error).to.be.instanceOf(ConcurrencyError);
        expect((error as ConcurrencyError).actual).to.contain('partial repeat');
      });

      it('throws the ConcurrencyError when the events are not there', async () => {
        const first = getEsdbEventStore({ client: fake.client, registry: tallyRegistry });
        await first.append('tally-1', tallyEvents('tally-1', 2), 'no_stream');
        const store = getEsdbEventStore({ client: refusing(1n), registry: tallyRegistry });
        const error = await rejection(store.append('tally-1', tallyEvents('tally-1', 1), 'no_stream'));
        expect(error).to.include({ stream: 'tally-1', expected: 'no_stream', actual: '1' });
      });
    });

    it("refuses an append over the server's MaxAppendSize with an AppendTooLargeError naming its size and the server's limit", async () => {
      const events = tallyEvents('tally-1', 3);
      const size = encodedAppendSize(events);
      const limited = fakeEsdb({ maxAppendSize: size - 1 });
      const store = getEsdbEventStore({ client: limited.client, registry: tallyRegistry });
      const error = await rejection(store.append('tally-1', events, 'no_stream'));
      expect(error).to.be.instanceOf(AppendTooLargeError);
      expect(error).to.include({ stream: 'tally-1', size, limit: size - 1 });
      expect(limited.records.filter((r) => r.streamId === 'tally-1')).to.have.length(0);
      await store.append('tally-1', events.slice(0, 2), 'no_stream');
      expect(limited.records.filter((r) => r.streamId === 'tally-1')).to.have.length(2);
    });

    it('tells commands the append limit it was given, 1 MiB by default as the server has', () => {
      expect(getEsdbEventStore({ client: fake.client, registry: tallyRegistry }).maxAppendBytes).to.equal(1024 * 1024);
      expect(
        getEsdbEventStore({ client: fake.client, registry: tallyRegistry, maxAppendBytes: 4096 }).maxAppendBytes,
      ).to.equal(4096);
    });

    it('checks the expected revision of an append of nothing', async () => {
      const store = getEsdbEventStore({ client: fake.client, registry: tallyRegistry });
      expect(await rejection(store.append('tally-1', [], 'stream_exists'))).to.be.instanceOf(ConcurrencyError);
      const written = await store.append('tally-1', tallyEvents('tally-1', 2), 'no_stream');
      expect(await store.append('tally-1', [], 1n)).to.deep.equal(written);
      expect(await rejection(store.append('tally-1', [], 0n))).to.be.instanceOf(ConcurrencyError);
    });
  });

  describe('reads', () => {
    it('reads a missing stream as empty and passes other read errors on', async () => {
      const store = getEsdbEventStore({ client: fake.client, registry: tallyRegistry });
      expect(await collect(store.readStream('tally-none'))).to.deep.equal([]);
      const lost = new UnavailableError();
      const failing = withClient(fake, {
        readStream: () =>
          Object.assign(
            new Readable({
              objectMode: true,
              read() {
                process.nextTick(() => this.emit('error', lost));
              },
            }),
            { cancel: async () => undefined },
          ),
      });
      const broken = getEsdbEventStore({ client: failing, registry: tallyRegistry });
      expect(await rejection(collect(broken.readStream('tally-1')))).to.equal(lost);
    });

    it('reads $all after a position, exclusively, starting the server read at that position', async () => {
      const starts: ReadPosition[] = [];
      const client = withClient(fake, {
        readAll: (options: { fromPosition: ReadPosition }, readable?: object) => {
          starts.push(options.fromPosition);
          return fake.client.readAll(options, readable);
        },
      });
      const store = getEsdbEventStore({ client, registry: tallyRegistry });
      await store.append('tally-1', tallyEvents('tally-1', 3), 'no_stream');
      const [first, ...rest] = await collect(store.readAll());
      const after = await collect(store.readAll({ after: first!.position }));
      expect(after.map((e) => e.id)).to.deep.equal(rest.map((e) => e.id));
      expect(starts[1]).to.deep.equal({ commit: first!.position, prepare: first!.position });
    });

    it('leaves system events out of $all, and counts only ours against maxCount', async () => {
      const store = getEsdbEventStore({ client: fake.client, registry: tallyRegistry });
      fake.writeSystemEvent();
      await store.append('tally-1', tallyEvents('tally-1', 1), 'no_stream');
      await store.append('tally-2', tallyEvents('tally-2', 1), 'no_stream');
      await store.append('tally-3', tallyEvents('tally-3', 1), 'no_stream');
      expect(fake.records.some((r) => r.type.startsWith('$'))).to.equal(true);
      const two = await collect(store.readAll({ maxCount: 2 }));
      expect(two.map((e) => e.stream)).to.deep.equal(['tally-1', 'tally-2']);
    });

    it('stops reading $all with the registry error on an event it cannot decode', async () => {
      const store = getEsdbEventStore({ client: fake.client, registry: tallyRegistry });
      await appendRaw(store, 'tally-bad', 'TallyIncremented', { tallyId: 7 }, 2);
      const error = await rejection(collect(store.readAll()));
      expect((error as Error).message)
        .to.contain('tally-bad@0')
        .and.contain('TallyIncremented');
    });

    it('answers the head position past trailing system events, and 0n with none of ours', async () => {
      const store = getEsdbEventStore({ client: fake.client, registry: tallyRegistry });
      expect(await store.headPosition()).to.equal(0n);
      fake.writeSystemEvent();
      expect(await store.headPosition()).to.equal(0n);
      const result = await store.append('tally-1', tallyEvents('tally-1', 2), 'no_stream');
      fake.writeSystemEvent();
      expect(fake.records.at(-1)!.type).to.equal('$statsCollected');
      const cancelsBefore = fake.cancels;
      expect(await store.headPosition()).to.equal(result.position);
      expect(fake.cancels).to.equal(cancelsBefore + 1);
    });
  });

  describe('subscribe', () => {
    it('asks the server to leave system events out and resubscribes from the last delivered position after a drop', async () => {
      const delays: number[] = [];
      const store = getEsdbEventStore({
        client: fake.client,
        registry: tallyRegistry,
        resubscribe: { baseDelayMs: 40, maxDelayMs: 1_000 },
        sleep: async (ms) => void delays.push(ms),
      });
      await store.append('tally-1', tallyEvents('tally-1', 2), 'no_stream');
      const subscription = store.subscribe({ batchSize: 10 });
      const seen: RecordedEvent[] = [];
      for await (const batch of subscription) {
        seen.push(...batch);
        if (seen.length === 2) {
          fake.dropSubscriptions(new UnavailableError());
          await store.append('tally-1', tallyEvents('tally-1', 1), 1n);
        }
        if (seen.length === 3) break;
      }
      await subscription.close();
      expect(seen.map((e) => e.revision)).to.deep.equal([0n, 1n, 2n]);
      expect(fake.subscribedFrom).to.deep.equal(['start', { commit: seen[1]!.position, prepare: seen[1]!.position }]);
      expect(fake.subscribedWith.map((f) => f && 'regex' in f && [f.filterOn, f.regex])).to.deep.equal([
        ['eventType', '^[^$].*'],
        ['eventType', '^[^$].*'],
      ]);
      expect(delays).to.have.length(1);
      expect(delays[0]).to.be.within(20, 40);
    });

    it('closing the store ends its open subscriptions', async () => {
      const store = getEsdbEventStore({ client: fake.client, registry: tallyRegistry });
      const reading = collect(store.subscribe());
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(fake.openFeeds).to.equal(1);
      await store.close();
      expect(await reading).to.deep.equal([]);
      expect(fake.openFeeds).to.equal(0);
    });
  });

  describe('close', () => {
    it('leaves a client it was handed open', async () => {
      await getEsdbEventStore({ client: fake.client, registry: tallyRegistry }).close();
      expect(fake.disposed).to.equal(0);
    });

    it('disposes a client it created from a connection string', async () => {
      const store = getEsdbEventStore({ connectionString: 'esdb://localhost:2113?tls=false', registry: tallyRegistry });
      expect(store.client).to.be.instanceOf(EventStoreDBClient);
      let disposed = false;
      const dispose = store.client.dispose;
      (store.client as { dispose: () => Promise<void> }).dispose = async () => {
        disposed = true;
        await dispose();
      };
      await store.close();
      expect(disposed).to.equal(true);
    });
  });
});
