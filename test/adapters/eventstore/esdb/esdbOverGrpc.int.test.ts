import { expect } from 'chai';
import { AccessDeniedError, ErrorType } from '@eventstore/db-client';
import { getEsdbEventStore, type EsdbEventStore } from '../../../../adapters/eventstore/esdb/esdbEventStore.ts';
import type { RecordedEvent } from '../../../../domain/events/event.ts';
import { AppendTooLargeError, ConcurrencyError } from '../../../../domain/errors.ts';
import { encodedAppendSize } from '../../../../commands/appendLimit.ts';
import { tallyEvents, tallyRegistry } from '../../../support/tally.ts';
import { startEsdbNode, type EsdbNode, type EsdbNodeOptions } from '../../../support/esdbServer/esdbServer.ts';
import { recordSize } from '../../../support/esdbServer/transactionLog.ts';
import { collect, rejection } from '../../../support/asyncResults.ts';

const until = async (condition: () => boolean, what: string) => {
  for (let waited = 0; !condition(); waited += 5) {
    if (waited > 5_000) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};

describe('EventStoreDB adapter with the real client over gRPC', () => {
  let node: EsdbNode;
  let store: EsdbEventStore;
  const open = async (options: EsdbNodeOptions = {}) => {
    node = await startEsdbNode(options);
    store = getEsdbEventStore({
      connectionString: node.connectionString,
      registry: tallyRegistry,
      resubscribe: { baseDelayMs: 10, maxDelayMs: 50 },
    });
  };
  afterEach(async () => {
    await store.close();
    await node.close();
  });

  for (const batchAppend of [true, false])
    describe(`repeats (${batchAppend ? 'BatchAppend' : 'Append'})`, () => {
      it('answers the same events sent again after the stream moved on with the first result, writing nothing', async () => {
        await open({ batchAppend });
        await store.append('tally-1', tallyEvents('tally-1', 1), 'no_stream');
        const events = tallyEvents('tally-1', 2, 'command-1');
        const first = await store.append('tally-1', events, 0n);
        await store.append('tally-1', tallyEvents('tally-1', 1), 2n);
        const logged = node.log.events.length;
        expect(await store.append('tally-1', events, 0n)).to.deep.equal(first);
        expect(node.log.events.length).to.equal(logged);
      });

      it('refuses a partial repeat as a ConcurrencyError naming it', async () => {
        await open({ batchAppend });
        const events = tallyEvents('tally-1', 3, 'command-1');
        await store.append('tally-1', events.slice(0, 2), 'no_stream');
        const error = await rejection(store.append('tally-1', events, 'no_stream'));
        expect(error).to.be.instanceOf(ConcurrencyError);
        expect((error as ConcurrencyError).actual).to.contain('partial repeat');
        expect(await collect(store.readStream('tally-1'))).to.have.length(2);
      });
    });

  describe('a refusal the client answers as a result (throwOnAppendFailure=false)', () => {
    for (const batchAppend of [true, false])
      it(`names the stream's actual revision (${batchAppend ? 'BatchAppend' : 'Append'})`, async () => {
        node = await startEsdbNode({ batchAppend });
        store = getEsdbEventStore({
          connectionString: `${node.connectionString}&throwOnAppendFailure=false`,
          registry: tallyRegistry,
        });
        await store.append('tally-1', tallyEvents('tally-1', 5), 'no_stream');
        const error = await rejection(store.append('tally-1', tallyEvents('tally-1', 1), 2n));
        expect(error).to.be.instanceOf(ConcurrencyError);
        expect(error).to.include({ stream: 'tally-1', expected: '2', actual: '4' });
        expect(await rejection(store.append('tally-2', tallyEvents('tally-2', 1), 'stream_exists'))).to.include({
          actual: 'no_stream',
        });
      });
  });

  describe('positions', () => {
    it('are byte offsets in the log: strictly increasing, apart by each record’s size, never consecutive integers', async () => {
      await open({ statsEveryAppends: 1_000 });
      const events = tallyEvents('tally-1', 3);
      const written = await store.append('tally-1', events, 'no_stream');
      const read = await collect(store.readStream('tally-1'));
      const positions = read.map((e) => e.position);
      expect(written.position).to.equal(positions[2]);
      for (let i = 1; i < positions.length; i++) {
        expect(
          positions[i]! > positions[i - 1]! + 1n,
          `position ${positions[i]} right after ${positions[i - 1]}`,
        ).to.equal(true);
        const logged = node.log.events.find((e) => e.position === positions[i - 1])!;
        expect(positions[i]! - positions[i - 1]!).to.equal(recordSize('tally-1', logged));
      }
      expect((await collect(store.readAll())).map((e) => e.position)).to.deep.equal(positions);
    });
  });

  describe("the node's own $ events", () => {
    it('never reach readAll, subscriptions or the head position, though the node writes them between ours', async () => {
      await open({ statsEveryAppends: 1 });
      await store.append('tally-1', tallyEvents('tally-1', 1), 'no_stream');
      await store.append('tally-2', tallyEvents('tally-2', 1), 'no_stream');
      const last = await store.append('tally-3', tallyEvents('tally-3', 1), 'no_stream');
      const types = node.log.events.map((e) => e.type);
      expect(types.filter((t) => t.startsWith('$')).length).to.be.at.least(4);
      expect(types.at(-1)).to.equal('$statsCollected');

      const all = await collect(store.readAll());
      expect(all.map((e) => e.stream)).to.deep.equal(['tally-1', 'tally-2', 'tally-3']);
      expect(await store.headPosition()).to.equal(last.position);
      const subscription = store.subscribe({ batchSize: 10 });
      const seen: RecordedEvent[] = [];
      for await (const batch of subscription) {
        seen.push(...batch);
        if (seen.length >= 3) break;
      }
      await subscription.close();
      expect(seen.map((e) => e.stream)).to.deep.equal(['tally-1', 'tally-2', 'tally-3']);
    });
  });

  describe('a subscription the node drops', () => {
    it('resumes after the last event delivered, without losing or repeating any', async () => {
      await open({ statsEveryAppends: 2 });
      await store.append('tally-1', tallyEvents('tally-1', 3), 'no_stream');
      const subscription = store.subscribe({ batchSize: 2 });
      const seen: RecordedEvent[] = [];
      let drops = 0;
      const reading = (async () => {
        for await (const batch of subscription) {
          seen.push(...batch);
          if (seen.length >= 8) return;
        }
      })();
      await until(() => seen.length >= 3, 'the history');
      drops += node.dropSubscriptions();
      await store.append('tally-1', tallyEvents('tally-1', 2), 2n);
      await until(() => seen.length >= 5 && node.openSubscriptions === 1, 'the resubscription');
      drops += node.dropSubscriptions();
      await store.append('tally-1', tallyEvents('tally-1', 3), 4n);
      await reading;
      await subscription.close();
      expect(drops).to.equal(2);
      expect(seen.map((e) => e.revision)).to.deep.equal([0n, 1n, 2n, 3n, 4n, 5n, 6n, 7n]);
      expect(new Set(seen.map((e) => e.id)).size).to.equal(8);
    });
  });

  describe('an append larger than the node allows', () => {
    it("reaches the caller as an AppendTooLargeError naming the size as the node counted it and the node's limit, and writes nothing", async () => {
      await open({ maxAppendSize: 4_096 });
      const [event] = tallyEvents('tally-1', 1);
      const big = { ...event!, data: { ...(event!.data as object), note: 'x'.repeat(5_000) } };
      const error = await rejection(store.append('tally-1', [big], 'no_stream'));
      expect(error).to.be.instanceOf(AppendTooLargeError);
      expect(error).to.include({ stream: 'tally-1', size: encodedAppendSize([big]), limit: 4_096, what: 'event' });
      expect(await collect(store.readStream('tally-1'))).to.deep.equal([]);
    });

    it('counts the whole append, not each event: two events under the limit alone are refused together', async () => {
      await open({ maxAppendSize: 4_096 });
      const events = tallyEvents('tally-1', 2).map((e) => ({
        ...e,
        data: { ...(e.data as object), note: 'x'.repeat(2_500) },
      }));
      await store.append('tally-1', events.slice(0, 1), 'no_stream');
      const error = await rejection(store.append('tally-2', events, 'no_stream'));
      expect(error).to.be.instanceOf(AppendTooLargeError);
      expect(error).to.include({ limit: 4_096, what: 'append' });
    });

    it('takes an append the size of its limit, counted as encodedAppendSize counts it, and refuses one byte more', async () => {
      const [event] = tallyEvents('tally-1', 1);
      const padded = (size: number) => ({
        ...event!,
        data: {
          ...(event!.data as object),
          note: 'x'.repeat(size - encodedAppendSize([{ ...event!, data: { ...(event!.data as object), note: '' } }])),
        },
      });
      await open({ maxAppendSize: 4_096 });
      await store.append('tally-1', [padded(4_096)], 'no_stream');
      expect(await rejection(store.append('tally-2', [padded(4_097)], 'no_stream'))).to.be.instanceOf(
        AppendTooLargeError,
      );
    });
  });

  describe('a user the node refuses $all to', () => {
    it('stops a subscription with AccessDeniedError at once, without resubscribing', async () => {
      await open({ refuseAll: true });
      const delays: number[] = [];
      const refused = getEsdbEventStore({
        client: store.client,
        registry: tallyRegistry,
        sleep: async (ms) => void delays.push(ms),
      });
      const error = await rejection(collect(refused.subscribe()));
      expect(error).to.be.instanceOf(AccessDeniedError);
      expect((error as Error).message).to.equal('7 PERMISSION_DENIED: Access Denied');
      expect(delays).to.deep.equal([]);
    });

    it('refuses readAll and the head position with the same error, while streams still read', async () => {
      await open({ refuseAll: true });
      await store.append('tally-1', tallyEvents('tally-1', 1), 'no_stream');
      expect(await collect(store.readStream('tally-1'))).to.have.length(1);
      expect(await rejection(collect(store.readAll()))).to.be.instanceOf(AccessDeniedError);
      expect(await rejection(store.headPosition())).to.include({
        type: ErrorType.ACCESS_DENIED,
        message: '7 PERMISSION_DENIED: Access Denied',
      });
    });
  });
});
