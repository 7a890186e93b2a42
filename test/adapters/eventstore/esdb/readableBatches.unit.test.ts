import { expect } from 'chai';
import { Readable } from 'node:stream';
import { readableBatches } from '../../../../adapters/eventstore/esdb/readableBatches.ts';

const source = (highWaterMark = 16) => new Readable({ objectMode: true, highWaterMark, read() {} });

const collect = async <T>(iterable: AsyncIterable<T>): Promise<T[]> => {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
};

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('EventStoreDB readable batches', () => {
  it('hands over what the stream holds, at most max at a time, then ends with it', async () => {
    const readable = source();
    for (const n of [1, 2, 3, 4, 5]) readable.push(n);
    readable.push(null);
    expect(await collect(readableBatches<number>(readable, 2, new AbortController().signal))).to.deep.equal([
      [1, 2],
      [3, 4],
      [5],
    ]);
  });

  it('waits for items when the stream holds none', async () => {
    const readable = source();
    setTimeout(() => readable.push('late'), 10);
    setTimeout(() => readable.push(null), 20);
    expect(await collect(readableBatches<string>(readable, 10, new AbortController().signal))).to.deep.equal([
      ['late'],
    ]);
  });

  it('reads nothing ahead of the consumer beyond the stream buffer', async () => {
    let produced = 0;
    const endless = new Readable({
      objectMode: true,
      highWaterMark: 4,
      read() {
        this.push(++produced);
      },
    });
    const batches = readableBatches<number>(endless, 3, new AbortController().signal);
    const first = await batches.next();
    expect(first.value).to.have.length.within(1, 3);
    await tick();
    await tick();
    // A reader that drained the stream into memory would have produced without bound by now.
    expect(produced).to.be.at.most(4 + 3 + 1);
    const second = await batches.next();
    expect(second.value![0]).to.equal((first.value as number[]).at(-1)! + 1);
    await batches.return(undefined);
  });

  it("throws an error the stream emits while the consumer holds a batch, on the consumer's next pull", async () => {
    const readable = source();
    readable.push('a');
    const batches = readableBatches<string>(readable, 10, new AbortController().signal);
    expect((await batches.next()).value).to.deep.equal(['a']);
    const lost = new Error('connection lost');
    readable.emit('error', lost);
    const error = await batches.next().catch((e: unknown) => e);
    expect(error).to.equal(lost);
  });

  it('throws an error the stream emits while waiting for items', async () => {
    const readable = source();
    const lost = new Error('unavailable');
    setTimeout(() => readable.emit('error', lost), 5);
    const error = await collect(readableBatches(readable, 10, new AbortController().signal)).catch((e: unknown) => e);
    expect(error).to.equal(lost);
  });

  it('ends when the signal aborts while waiting, and leaves no listeners behind', async () => {
    const readable = source();
    const closing = new AbortController();
    setTimeout(() => closing.abort(), 5);
    expect(await collect(readableBatches(readable, 10, closing.signal))).to.deep.equal([]);
    expect(
      readable.listenerCount('error') + readable.listenerCount('readable') + readable.listenerCount('end'),
    ).to.equal(0);
  });

  it('ends at once on a stream that has already ended', async () => {
    const readable = Readable.from([]);
    await collect(readable);
    expect(await collect(readableBatches(readable, 10, new AbortController().signal))).to.deep.equal([]);
  });
});
