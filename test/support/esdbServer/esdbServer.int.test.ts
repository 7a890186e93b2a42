import { expect } from 'chai';
import { randomUUID } from 'node:crypto';
import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  MaxAppendSizeExceededError,
  WrongExpectedVersionError,
  binaryEvent,
  excludeSystemEvents,
  jsonEvent,
  type ResolvedEvent,
} from '@eventstore/db-client';
import { startEsdbNode, type EsdbNode, type EsdbNodeOptions } from './esdbServer.ts';
import { collect, rejection } from '../asyncResults.ts';

const events = (count: number) =>
  Array.from({ length: count }, (_, i) => jsonEvent({ id: randomUUID(), type: 'TallyIncremented', data: { by: i } }));

// The node's rules as the real client sees them, below anything the adapter adds on top.
describe('In-process EventStoreDB node, through the real client', () => {
  let node: EsdbNode;
  let client: EventStoreDBClient;
  const open = async (options: EsdbNodeOptions = {}) => {
    node = await startEsdbNode(options);
    client = EventStoreDBClient.connectionString(node.connectionString);
  };
  afterEach(async () => {
    await client.dispose();
    await node.close();
  });

  for (const batchAppend of [true, false])
    describe(`appends (${batchAppend ? 'BatchAppend, as from 21.10' : 'Append, as before'})`, () => {
      it('answers the same events sent again at the same expected revision with the first answer, writing nothing', async () => {
        await open({ batchAppend });
        await client.appendToStream('tally-1', events(1), { expectedRevision: 'no_stream' });
        const sent = events(2);
        const first = await client.appendToStream('tally-1', sent, { expectedRevision: 0n });
        await client.appendToStream('tally-1', events(1), { expectedRevision: 2n });
        const written = node.log.events.length;
        expect(await client.appendToStream('tally-1', sent, { expectedRevision: 0n })).to.deep.equal(first);
        expect(await client.appendToStream('tally-1', sent, { expectedRevision: 'any' })).to.deep.equal(first);
        expect(node.log.events.length).to.equal(written);
      });

      it('refuses a partial repeat, as a conflict naming the current revision', async () => {
        await open({ batchAppend });
        const sent = events(3);
        await client.appendToStream('tally-1', sent.slice(0, 2), { expectedRevision: 'no_stream' });
        const error = await rejection(client.appendToStream('tally-1', sent, { expectedRevision: 'no_stream' }));
        expect(error).to.be.instanceOf(WrongExpectedVersionError);
        expect(error).to.include({ streamName: 'tally-1', expectedVersion: 'no_stream', actualVersion: 1n });
        const anyError = await rejection(
          client.appendToStream('tally-1', [sent[0]!, ...events(1)], { expectedRevision: 'any' }),
        );
        expect(anyError).to.include({ expectedVersion: 'any', actualVersion: 1n });
      });

      it('refuses stream_exists on a missing stream and a revision ahead of the stream', async () => {
        await open({ batchAppend });
        expect(
          await rejection(client.appendToStream('tally-1', events(1), { expectedRevision: 'stream_exists' })),
        ).to.include({ expectedVersion: 'stream_exists', actualVersion: 'no_stream' });
        await client.appendToStream('tally-1', events(1), { expectedRevision: 'any' });
        expect(await rejection(client.appendToStream('tally-1', events(1), { expectedRevision: 3n }))).to.include({
          expectedVersion: 3n,
          actualVersion: 0n,
        });
      });

      it('answers a repeat without a position when set up as a server before 21.10', async () => {
        await open({ repeatsWithoutPosition: true, batchAppend });
        const sent = events(2);
        const first = await client.appendToStream('tally-1', sent, { expectedRevision: 'no_stream' });
        expect(first.position).to.not.equal(undefined);
        expect(await client.appendToStream('tally-1', sent, { expectedRevision: 'no_stream' })).to.deep.equal({
          ...first,
          position: undefined,
        });
      });

      it('allows 1 MiB by default: data, metadata and the type at two bytes a character, summed over the append', async () => {
        await open({ batchAppend });
        const type = 'Blob';
        const sized = (bytes: number) =>
          binaryEvent({ id: randomUUID(), type, data: new Uint8Array(bytes), metadata: new Uint8Array(8) });
        const limit = 1_048_576;
        await client.appendToStream('blob-1', [sized(limit / 2 - 8 - 8), sized(limit / 2 - 8 - 8)]);
        const error = await rejection(
          client.appendToStream('blob-2', [sized(limit / 2 - 8 - 8), sized(limit / 2 - 8 - 7)]),
        );
        expect(error).to.be.instanceOf(MaxAppendSizeExceededError);
        expect(error).to.include({ maxAppendSize: limit });
        // Append answers with a status the client keeps as its message; BatchAppend with details alone.
        expect((error as Error).message).to.equal(
          batchAppend ? '' : '3 INVALID_ARGUMENT: Maximum Append Size of 1048576 Exceeded.',
        );
        expect(node.log.streamOf('blob-2')).to.deep.equal([]);
      });
    });

  describe('reads', () => {
    it('reads streams and $all backwards from the end, up to a count', async () => {
      await open({ statsEveryAppends: 1_000 });
      await client.appendToStream('tally-1', events(3));
      await client.appendToStream('tally-2', events(1));
      const stream = await collect(
        client.readStream('tally-1', { fromRevision: END, direction: BACKWARDS, maxCount: 2 }),
      );
      expect(stream.map((e) => e.event?.revision)).to.deep.equal([2n, 1n]);
      const all = await collect(client.readAll({ fromPosition: END, direction: BACKWARDS, maxCount: 2 }));
      expect(all.map((e) => `${e.event?.streamId}@${e.event?.revision}`)).to.deep.equal(['tally-2@0', 'tally-1@2']);
      expect(all[0]!.commitPosition).to.equal(all[0]!.event!.position!.commit);
    });
  });

  describe('subscriptions to $all', () => {
    it("leave the node's $ events out under excludeSystemEvents, with checkpoints past them, and keep them otherwise", async () => {
      await open({ statsEveryAppends: 1 });
      for (let i = 0; i < 3; i++) await client.appendToStream(`tally-${i}`, events(1));
      const checkpoints: bigint[] = [];
      const filtered = client.subscribeToAll({
        filter: excludeSystemEvents({
          maxSearchWindow: 1,
          checkpointReached: async (_, position) => void checkpoints.push(position.commit),
        }),
      });
      const unfiltered = client.subscribeToAll();
      const take = async (feed: AsyncIterable<ResolvedEvent>, count: number) => {
        const seen: string[] = [];
        for await (const resolved of feed) if (seen.push(resolved.event!.type) === count) break;
        return seen;
      };
      expect(await take(filtered, 3)).to.deep.equal(['TallyIncremented', 'TallyIncremented', 'TallyIncremented']);
      expect((await take(unfiltered, 8)).filter((t) => t.startsWith('$'))).to.have.length(5);
      expect(checkpoints.length).to.be.above(0);
      await filtered.unsubscribe();
      await unfiltered.unsubscribe();
    });
  });
});
