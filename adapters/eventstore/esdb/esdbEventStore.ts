import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  excludeSystemEvents,
  type AppendResult as EsdbAppendResult,
} from '@eventstore/db-client';
import type { NewEvent, RecordedEvent } from '../../../domain/events/event.ts';
import type { EventRegistry } from '../../../domain/events/eventRegistry.ts';
import { ConcurrencyError } from '../../../domain/errors.ts';
import type { AppendResult, EventStore, ExpectedRevision, Subscription } from '../../../commands/eventStore.ts';
import { checkExpectedRevision } from '../../../commands/expectedRevision.ts';
import type { BackoffOptions, Sleep } from './backoff.ts';
import { isStreamNotFound, isWrongExpectedVersion, toConcurrencyError } from './errors.ts';
import { esdbSubscription } from './esdbSubscription.ts';
import { fromEsdbPosition, isAfter, toEsdbPosition } from './positions.ts';
import { toStoredEvent, toEventData } from './recordedEvents.ts';
import { toEsdbExpectedRevision } from './revisions.ts';

/** The part of the client this adapter calls; tests hand in a fake of the same shape. */
export type EsdbClient = Pick<EventStoreDBClient, 'appendToStream' | 'readStream' | 'readAll' | 'subscribeToAll' | 'dispose'>;

export type EsdbEventStoreOptions = (
  | { readonly connectionString: string; readonly client?: undefined }
  /** A client the caller owns: closing the store leaves it open. */
  | { readonly client: EsdbClient; readonly connectionString?: undefined }
) & {
  readonly registry: EventRegistry;
  /** Pauses between resubscribing a dropped subscription: doubling from the base up to the cap. */
  readonly resubscribe?: BackoffOptions;
  readonly sleep?: Sleep;
};

export type EsdbEventStore = EventStore & { readonly client: EsdbClient };

// Events a read may hold in memory ahead of its consumer.
const READ_AHEAD = 512;

/** Ends a read early; a read whose connection already failed has nothing left to cancel. */
const cancel = (read: { cancel(): Promise<void> }): Promise<void> => read.cancel().catch(() => undefined);

/** Where the events of an earlier identical append would be, if the expected revision says. */
const repeatStart = (expected: ExpectedRevision): bigint | undefined =>
  expected === 'no_stream' ? 0n : typeof expected === 'bigint' ? expected + 1n : undefined;

export const getEsdbEventStore = (options: EsdbEventStoreOptions): EsdbEventStore => {
  const owned = options.client === undefined;
  const client: EsdbClient = options.client ?? EventStoreDBClient.connectionString(options.connectionString);
  const { registry } = options;
  const subscriptions = new Set<Subscription>();

  /** Our events as the stream holds them from `from`, at most `count`; empty when there is no stream. */
  const storedFrom = async (stream: string, from: bigint, count: number) => {
    const read = client.readStream(stream, { fromRevision: from, maxCount: count, direction: FORWARDS });
    const found = [];
    try {
      for await (const resolved of read) {
        const stored = toStoredEvent(resolved);
        if (stored) found.push(stored);
      }
    } catch (error) {
      if (!isStreamNotFound(error)) throw error;
    } finally {
      await cancel(read);
    }
    return found;
  };

  /**
   * The result of an earlier append of these very events starting at revision `from`, found by
   * comparing ids; undefined when they are not there.
   */
  const earlierAppend = async (stream: string, events: readonly NewEvent[], from: bigint): Promise<AppendResult | undefined> => {
    const found = await storedFrom(stream, from, events.length);
    if (found.length === 0 || found[0]!.id !== events[0]!.id) return undefined;
    if (found.length !== events.length || found.some((stored, i) => stored.id !== events[i]!.id))
      throw new ConcurrencyError(stream, 'the same events as before', 'a partial repeat of an earlier append');
    const last = found[found.length - 1]!;
    return { nextExpectedRevision: last.revision, position: last.position };
  };

  /** A refused append is a conflict, unless it was these same events sent again. */
  const refused = async (
    stream: string,
    events: readonly NewEvent[],
    expected: ExpectedRevision,
    error: ConcurrencyError,
  ): Promise<AppendResult> => {
    const from = repeatStart(expected);
    const repeat = from === undefined ? undefined : await earlierAppend(stream, events, from);
    if (repeat) return repeat;
    throw error;
  };

  /** The server answers a repeat without a position: the first append's events carry it. */
  const repeated = async (stream: string, events: readonly NewEvent[], expected: ExpectedRevision, result: EsdbAppendResult) => {
    const from = repeatStart(expected) ?? result.nextExpectedRevision - BigInt(events.length) + 1n;
    const repeat = await earlierAppend(stream, events, from);
    if (repeat) return repeat;
    const [last] = await storedFrom(stream, result.nextExpectedRevision, 1);
    if (!last) throw new Error(`EventStoreDB accepted an append to ${stream} but reported no position for it`);
    return { nextExpectedRevision: result.nextExpectedRevision, position: last.position };
  };

  /** Appending nothing still checks the expected revision, as the embedded store does. */
  const appendNothing = async (stream: string, expected: ExpectedRevision): Promise<AppendResult> => {
    const read = client.readStream(stream, { fromRevision: END, maxCount: 1, direction: BACKWARDS });
    let current: bigint | undefined;
    try {
      for await (const resolved of read) current = resolved.event?.revision;
    } catch (error) {
      if (!isStreamNotFound(error)) throw error;
    } finally {
      await cancel(read);
    }
    checkExpectedRevision(stream, expected, current);
    return { nextExpectedRevision: current ?? -1n, position: await headPosition() };
  };

  const append = async (stream: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult> => {
    if (events.length === 0) return appendNothing(stream, expected);
    let result: EsdbAppendResult;
    try {
      result = await client.appendToStream(stream, events.map(toEventData), {
        expectedRevision: toEsdbExpectedRevision(expected),
      });
    } catch (error) {
      if (!isWrongExpectedVersion(error)) throw error;
      return refused(stream, events, expected, toConcurrencyError(stream, expected, error.actualVersion));
    }
    // Only when the connection string sets throwOnAppendFailure=false does a refusal arrive as a result.
    if (!result.success)
      return refused(stream, events, expected, toConcurrencyError(stream, expected, result.nextExpectedRevision));
    const position = fromEsdbPosition(result.position);
    if (position === undefined) return repeated(stream, events, expected, result);
    return { nextExpectedRevision: result.nextExpectedRevision, position };
  };

  async function* readStream(stream: string, { fromRevision = 0n, maxCount = Infinity } = {}): AsyncGenerator<RecordedEvent> {
    if (maxCount <= 0) return;
    const read = client.readStream(
      stream,
      { fromRevision, direction: FORWARDS, ...(Number.isFinite(maxCount) ? { maxCount } : {}) },
      { highWaterMark: READ_AHEAD },
    );
    try {
      for await (const resolved of read) {
        const stored = toStoredEvent(resolved);
        if (stored) yield registry.decode(stored);
      }
    } catch (error) {
      if (!isStreamNotFound(error)) throw error;
    } finally {
      await cancel(read);
    }
  }

  async function* readAll({ after, maxCount = Infinity }: { after?: bigint; maxCount?: number } = {}): AsyncGenerator<RecordedEvent> {
    let left = maxCount;
    if (left <= 0) return;
    // $all reads in this client take no server-side filter, so system events are dropped here.
    const read = client.readAll({ fromPosition: toEsdbPosition(after), direction: FORWARDS }, { highWaterMark: READ_AHEAD });
    try {
      for await (const resolved of read) {
        const stored = toStoredEvent(resolved);
        if (!stored || !isAfter(stored.position, after)) continue;
        yield registry.decode(stored);
        if (--left <= 0) return;
      }
    } finally {
      await cancel(read);
    }
  }

  async function headPosition(): Promise<bigint> {
    // Backwards from the end, past any system events written after our newest one.
    const read = client.readAll({ fromPosition: END, direction: BACKWARDS }, { highWaterMark: 32 });
    try {
      for await (const resolved of read) {
        const stored = toStoredEvent(resolved);
        if (stored) return stored.position;
      }
      return 0n;
    } finally {
      await cancel(read);
    }
  }

  const subscribe = ({ after, batchSize }: { after?: bigint; batchSize?: number } = {}): Subscription => {
    const subscription = esdbSubscription({
      open: (from, readAhead) =>
        client.subscribeToAll(
          { fromPosition: toEsdbPosition(from), filter: excludeSystemEvents() },
          { highWaterMark: readAhead },
        ),
      decode: registry.decode,
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
    append,
    readStream,
    readAll,
    subscribe,
    headPosition,
    close: async () => {
      await Promise.all([...subscriptions].map((s) => s.close()));
      subscriptions.clear();
      if (owned) await client.dispose();
    },
  };
};
