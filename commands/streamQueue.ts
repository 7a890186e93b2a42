import type { EventStore } from './eventStore.ts';

/** Runs tasks one after another per stream, and streams side by side. */
export type StreamQueue = {
  run<T>(stream: string, task: () => Promise<T>): Promise<T>;
  /** Streams with a task running or waiting; an idle stream holds no entry. */
  readonly size: number;
};

/**
 * A queue per stream, kept only while the stream has work: each task waits for the one before it,
 * whether that one succeeded or failed, and the last task out removes the entry.
 */
export const streamQueue = (): StreamQueue => {
  const tails = new Map<string, Promise<unknown>>();
  return {
    run<T>(stream: string, task: () => Promise<T>): Promise<T> {
      const before = tails.get(stream) ?? Promise.resolve();
      const result = before.then(task);
      const tail = result.then(
        () => undefined,
        () => undefined,
      );
      tails.set(stream, tail);
      void tail.then(() => {
        if (tails.get(stream) === tail) tails.delete(stream);
      });
      return result;
    },
    get size() {
      return tails.size;
    },
  };
};

const queues = new WeakMap<EventStore, StreamQueue>();

/** The one queue of an event store in this process, shared by every command handler built on it. */
export const streamQueueOf = (store: EventStore): StreamQueue => {
  let queue = queues.get(store);
  if (!queue) queues.set(store, (queue = streamQueue()));
  return queue;
};
