import { EventStoreDBClient, excludeSystemEvents } from '@eventstore/db-client';
import type { EventRegistry } from '../../../domain/events/eventRegistry.ts';
import { refuseUnwritableEvents } from '../../../domain/events/writableEvents.ts';
import type { EventStore, Subscription } from '../../../commands/eventStore.ts';
import { DEFAULT_MAX_APPEND_BYTES } from '../../../commands/appendLimit.ts';
import type { BackoffOptions, Sleep } from './backoff.ts';
import type { EsdbClient } from './esdbClient.ts';
import { esdbAppend } from './esdbAppend.ts';
import { esdbReads } from './esdbReads.ts';
import { esdbSubscription } from './esdbSubscription.ts';
import { toEsdbPosition } from './positions.ts';

export type { EsdbClient } from './esdbClient.ts';

export type EsdbEventStoreOptions = (
  | { readonly connectionString: string; readonly client?: undefined }
  /** A client the caller owns: closing the store leaves it open. */
  | { readonly client: EsdbClient; readonly connectionString?: undefined }
) & {
  readonly registry: EventRegistry;
  /** Pauses before resubscribing a dropped subscription: doubling from the base up to the cap. */
  readonly resubscribe?: BackoffOptions;
  /** Injectable so tests can drive the backoff without waiting. */
  readonly sleep?: Sleep;
  /** The server's `MaxAppendSize` (default 1 MiB, as the server's): commands split their events to fit it. */
  readonly maxAppendBytes?: number;
};

export type EsdbEventStore = EventStore & { readonly client: EsdbClient };

/** The EventStore port on EventStoreDB / KurrentDB, with the same semantics as the embedded store. */
export const getEsdbEventStore = (options: EsdbEventStoreOptions): EsdbEventStore => {
  const owned = options.client === undefined;
  const client: EsdbClient = options.client ?? EventStoreDBClient.connectionString(options.connectionString);
  const reads = esdbReads(client, options.registry);
  const append = esdbAppend(client, reads);
  const subscriptions = new Set<Subscription>();

  const subscribe: EventStore['subscribe'] = ({ after, batchSize } = {}) => {
    const subscription = esdbSubscription({
      open: (from, readAhead) =>
        client.subscribeToAll(
          { fromPosition: toEsdbPosition(from), filter: excludeSystemEvents() },
          { highWaterMark: readAhead },
        ),
      decode: options.registry.decode,
      after,
      batchSize,
      resubscribe: options.resubscribe,
      sleep: options.sleep,
    });
    subscriptions.add(subscription);
    return {
      [Symbol.asyncIterator]: () => subscription[Symbol.asyncIterator](),
      close: async () => {
        subscriptions.delete(subscription);
        await subscription.close();
      },
    };
  };

  return {
    client,
    maxAppendBytes: options.maxAppendBytes ?? DEFAULT_MAX_APPEND_BYTES,
    append: async (stream, events, expected) => {
      refuseUnwritableEvents(options.registry, stream, events);
      return append(stream, events, expected);
    },
    readStream: reads.readStream,
    readAll: reads.readAll,
    headPosition: reads.headPosition,
    countEvents: reads.countEvents,
    subscribe,
    close: async () => {
      await Promise.all([...subscriptions].map((subscription) => subscription.close()));
      subscriptions.clear();
      if (owned) await client.dispose();
    },
  };
};
