import type { EventStore } from '../../commands/eventStore.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The store as a server across a network would be: every stream read and every append takes a
 * round trip, so two commands on one stream overlap as they do against EventStoreDB.
 */
export const distantEventStore = (store: EventStore, roundTripMs: number): EventStore => ({
  maxAppendBytes: store.maxAppendBytes,
  append: async (stream, events, expected) => {
    await sleep(roundTripMs);
    return store.append(stream, events, expected);
  },
  readStream: async function* (stream, options) {
    await sleep(roundTripMs);
    yield* store.readStream(stream, options);
  },
  readAll: (options) => store.readAll(options),
  subscribe: (options) => store.subscribe(options),
  headPosition: () => store.headPosition(),
  countEvents: (range) => store.countEvents(range),
  close: () => store.close(),
});
