import type { Readable } from 'node:stream';
import type { RecordedEvent, StoredEvent } from '../../../domain/events/event.ts';
import type { Subscription } from '../../../commands/eventStore.ts';
import { closableSubscription } from '../closableSubscription.ts';
import { backoffDelay, defaultResubscribe, sleep as realSleep, type BackoffOptions, type Sleep } from './backoff.ts';
import { isPermanent } from './errors.ts';
import { isAfter } from './positions.ts';
import { readableBatches } from './readableBatches.ts';
import { toStoredEvent, type ResolvedLike } from './recordedEvents.ts';

/** A live read of $all, as the client's subscribeToAll returns it. */
export type LiveFeed = Readable & { unsubscribe(): Promise<void> };

export type EsdbSubscriptionOptions = {
  /** Opens a feed of $all after `after` (undefined: from the start); `readAhead` bounds its buffer. */
  readonly open: (after: bigint | undefined, readAhead: number) => LiveFeed;
  readonly decode: (stored: StoredEvent) => RecordedEvent;
  readonly after?: bigint;
  readonly batchSize?: number;
  readonly resubscribe?: BackoffOptions;
  /** Injectable so tests can drive the backoff without waiting. */
  readonly sleep?: Sleep;
  readonly random?: () => number;
};

const leave = async (feed: LiveFeed): Promise<void> => {
  // The connection may already be gone; the feed is abandoned either way.
  await feed.unsubscribe().catch(() => undefined);
  feed.destroy();
};

/** Batches of $all read only as fast as the consumer asks; a dropped feed resumes from the last position delivered. */
export const esdbSubscription = (options: EsdbSubscriptionOptions): Subscription => {
  const batchSize = options.batchSize ?? 1000;
  const resubscribe = options.resubscribe ?? defaultResubscribe;
  const sleep = options.sleep ?? realSleep;
  let last = options.after;

  // Decodes what the feed handed over; a resumed feed may repeat the event it resumed from.
  const fresh = (resolved: readonly ResolvedLike[]): RecordedEvent[] => {
    const events: RecordedEvent[] = [];
    for (const one of resolved) {
      const stored = toStoredEvent(one);
      if (stored && isAfter(stored.position, last)) events.push(options.decode(stored));
    }
    return events;
  };

  return closableSubscription(async function* (signal) {
    let failures = 0;
    while (!signal.aborted) {
      let feed: LiveFeed | undefined;
      try {
        feed = options.open(last, batchSize);
        // readableBatches reports errors while it reads; a late one must not become an unhandled 'error'.
        feed.on('error', () => undefined);
        for await (const resolved of readableBatches<ResolvedLike>(feed, batchSize, signal)) {
          const batch = fresh(resolved);
          if (batch.length === 0) continue;
          last = batch[batch.length - 1]!.position;
          failures = 0;
          yield batch;
        }
        if (signal.aborted) return;
        // The server ended the feed without an error: treated as a drop, so the reader carries on.
      } catch (error) {
        if (signal.aborted) return;
        if (isPermanent(error)) throw error;
      } finally {
        if (feed) await leave(feed);
      }
      failures += 1;
      await sleep(backoffDelay(failures, resubscribe, options.random), signal);
    }
  });
};
