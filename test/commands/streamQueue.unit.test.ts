import { expect } from 'chai';
import { streamQueue, streamQueueOf } from '../../commands/streamQueue.ts';
import type { EventStore } from '../../commands/eventStore.ts';

/** A task that records when it starts and ends, and finishes when told to. */
const gate = (log: string[], name: string) => {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return {
    open: () => open(),
    task: async () => {
      log.push(`${name} starts`);
      await opened;
      log.push(`${name} ends`);
      return name;
    },
  };
};

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('stream queue', () => {
  it('given tasks on one stream, then each starts only after the one before it has ended, in order', async () => {
    const queue = streamQueue();
    const log: string[] = [];
    const [first, second, third] = ['first', 'second', 'third'].map((name) => gate(log, name));

    const results = [first!, second!, third!].map((g) => queue.run('campaign-1', g.task));
    await turn();
    expect(log).to.deep.equal(['first starts']);
    third!.open();
    second!.open();
    await turn();
    expect(log).to.deep.equal(['first starts']);
    first!.open();

    expect(await Promise.all(results)).to.deep.equal(['first', 'second', 'third']);
    expect(log).to.deep.equal([
      'first starts',
      'first ends',
      'second starts',
      'second ends',
      'third starts',
      'third ends',
    ]);
  });

  it('given tasks on two streams, then they run side by side', async () => {
    const queue = streamQueue();
    const log: string[] = [];
    const one = gate(log, 'one');
    const two = gate(log, 'two');

    const results = [queue.run('campaign-1', one.task), queue.run('campaign-2', two.task)];
    await turn();

    expect(log).to.deep.equal(['one starts', 'two starts']);
    two.open();
    one.open();
    expect(await Promise.all(results)).to.deep.equal(['one', 'two']);
  });

  it('given a task that fails, then its caller gets the error and the next task still runs', async () => {
    const queue = streamQueue();
    const failing = queue.run('campaign-1', async () => {
      throw new Error('refused');
    });
    const next = queue.run('campaign-1', async () => 'ran');

    expect(await failing.catch((error: Error) => error.message)).to.equal('refused');
    expect(await next).to.equal('ran');
  });

  it('given a stream whose tasks have all ended, then it holds no entry, however many streams came and went', async () => {
    const queue = streamQueue();
    const log: string[] = [];
    const held = gate(log, 'held');
    const running = queue.run('campaign-held', held.task);

    for (let round = 0; round < 100; round++)
      await Promise.all(Array.from({ length: 1000 }, (_, i) => queue.run(`campaign-${round}.${i}`, async () => i)));
    await turn();
    expect(queue.size).to.equal(1);

    held.open();
    await running;
    await turn();
    expect(queue.size).to.equal(0);
  });

  it('given two handles on one event store, then they share its queue; another store has its own', () => {
    const store = {} as EventStore;
    const other = {} as EventStore;
    expect(streamQueueOf(store)).to.equal(streamQueueOf(store));
    expect(streamQueueOf(other)).to.not.equal(streamQueueOf(store));
  });
});
