import { Subject, type Observable } from 'rxjs';
import type { EventStore } from '../../commands/eventStore.ts';
import type { NewEvent } from '../../domain/events/event.ts';

export type ObservedEventStore = {
  readonly eventStore: EventStore;
  /** The events of each append this process made, once the store acknowledged them; completes when the store closes. */
  readonly appended: Observable<readonly NewEvent[]>;
};

/**
 * An event store whose appends are also a live feed: each event is seen by the one process that wrote
 * it, however many processes share the store. Subscribers run after the append and must not throw:
 * the writer's outcome never depends on them.
 */
export const observedEventStore = (store: EventStore): ObservedEventStore => {
  const appended = new Subject<readonly NewEvent[]>();
  return {
    appended: appended.asObservable(),
    eventStore: {
      maxAppendBytes: store.maxAppendBytes,
      append: async (stream, events, expected) => {
        const result = await store.append(stream, events, expected);
        if (events.length > 0) appended.next(events);
        return result;
      },
      readStream: (stream, options) => store.readStream(stream, options),
      readAll: (options) => store.readAll(options),
      subscribe: (options) => store.subscribe(options),
      headPosition: () => store.headPosition(),
      countEvents: (range) => store.countEvents(range),
      close: async () => {
        appended.complete();
        await store.close();
      },
    },
  };
};
