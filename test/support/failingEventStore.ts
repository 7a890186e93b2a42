import type { EventStore } from '../../commands/eventStore.ts';

/** What a process that stops mid-command leaves: `appends` appends go through, then every one fails. */
export const eventStoreFailingAfter = (store: EventStore, appends: number): EventStore & { readonly appended: number } => {
  let appended = 0;
  return {
    get appended() {
      return appended;
    },
    maxAppendBytes: store.maxAppendBytes,
    append: async (stream, events, expected) => {
      if (appended >= appends) throw new Error(`the process stopped after ${appends} appends`);
      const result = await store.append(stream, events, expected);
      appended += 1;
      return result;
    },
    readStream: (stream, options) => store.readStream(stream, options),
    readAll: (options) => store.readAll(options),
    subscribe: (options) => store.subscribe(options),
    headPosition: () => store.headPosition(),
    close: () => store.close(),
  };
};
