import type { NewEvent, RecordedEvent } from '../domain/events/event.ts';

/** What the writer believes about the stream: a mismatch throws ConcurrencyError. */
export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | bigint;

export type AppendResult = {
  /** Revision of the stream's last event after the append. */
  readonly nextExpectedRevision: bigint;
  /** Global position of the last event appended (or found, when the append was a repeat). */
  readonly position: bigint;
};

export type ReadStreamOptions = { readonly fromRevision?: bigint; readonly maxCount?: number };

/** Positions are exclusive: reading `after` a checkpoint never yields the checkpoint again. */
export type ReadAllOptions = { readonly after?: bigint; readonly maxCount?: number };

/** Events after `after` up to and including `through`; counting stops at `limit`, so a far-off range costs at most `limit` events. */
export type CountRange = { readonly after: bigint; readonly through: bigint; readonly limit: number };

export type SubscribeOptions = {
  readonly after?: bigint;
  /** Largest batch handed to the consumer at once. */
  readonly batchSize?: number;
};

/**
 * A catch-up subscription: history first, then live events, in batches.
 * The next batch is read only when the consumer asks for it (backpressure).
 */
export type Subscription = AsyncIterable<readonly RecordedEvent[]> & {
  close(): Promise<void>;
};

export interface EventStore {
  /** The most bytes one append may hold (see appendLimit.ts); a larger append is refused with AppendTooLargeError. */
  readonly maxAppendBytes: number;
  append(stream: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult>;
  /** Events of one stream in revision order; a stream that does not exist yields nothing. */
  readStream(stream: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent>;
  /** Every event in global order. */
  readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent>;
  subscribe(options?: SubscribeOptions): Subscription;
  /** Position of the newest event in the store, 0n when empty. */
  headPosition(): Promise<bigint>;
  /**
   * How many events lie in the range, at most `limit`. Positions are not counts: on EventStoreDB a
   * position is a byte offset in the log, so only counting tells how many events lie between two.
   */
  countEvents(range: CountRange): Promise<number>;
  close(): Promise<void>;
}
