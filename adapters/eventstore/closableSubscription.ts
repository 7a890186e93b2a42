import type { RecordedEvent } from '../../domain/events/event.ts';
import type { Subscription } from '../../commands/eventStore.ts';

/** A Subscription over a batch generator that watches `signal`; `close` aborts it and ends the iteration. */
export const closableSubscription = (
  batches: (signal: AbortSignal) => AsyncGenerator<readonly RecordedEvent[]>,
): Subscription => {
  const closing = new AbortController();
  const iterator = batches(closing.signal);
  return {
    [Symbol.asyncIterator]: () => iterator,
    close: async () => {
      closing.abort();
      await iterator.return(undefined);
    },
  };
};
