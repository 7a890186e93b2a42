import type { EventStore } from '../../commands/eventStore.ts';

/** What a process that stops mid-command leaves: `appends` appends go through, then every one fails. */
export const eventStoreFailingAfter = (store: EventStore, appends: number): EventStore => {
  let appended = 0;
  return {
    ...store,
    maxAppendBytes: store.maxAppendBytes,
    append: async (stream, events, expected) => {
      if (appended >= appends) throw new Error(`the process stopped after ${appends} appends`);
      const result = await store.append(stream, events, expected);
      appended += 1;
      return result;
    },
  };
};
