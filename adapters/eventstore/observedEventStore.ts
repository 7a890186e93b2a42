import type { EventStore } from '../../commands/eventStore.ts';
import type { NewEvent } from '../../domain/events/event.ts';

/** Told of the events of each append once the store has acknowledged them. */
export type AppendObserver = (events: readonly NewEvent[]) => void;

/**
 * An event store that tells `observe` of what this process appends, after the append and outside
 * its outcome: an observer that throws changes nothing for the writer. Each event is thus seen by
 * the one process that wrote it, however many processes share the store.
 */
export const observedEventStore = (store: EventStore, observe: AppendObserver): EventStore => ({
  maxAppendBytes: store.maxAppendBytes,
  append: async (stream, events, expected) => {
    const result = await store.append(stream, events, expected);
    if (events.length > 0) {
      try {
        observe(events);
      } catch {
        // Watching is best effort: the events are stored whatever becomes of their observation.
      }
    }
    return result;
  },
  readStream: (stream, options) => store.readStream(stream, options),
  readAll: (options) => store.readAll(options),
  subscribe: (options) => store.subscribe(options),
  headPosition: () => store.headPosition(),
  close: () => store.close(),
});
