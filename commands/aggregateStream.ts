import type { Event, RecordedEvent } from '../domain/events/event.ts';
import type { EventStore, ReadStreamOptions } from './eventStore.ts';

/** What a fold needs of a decider. */
export type Evolver<State, E extends Event> = {
  evolve(state: State, event: E): State;
  initialState(): State;
};

/** A stream's events, typed as the events its decider records. */
export const readStreamOf = <E extends Event>(
  store: EventStore,
  stream: string,
  options?: ReadStreamOptions,
): AsyncIterable<RecordedEvent<E>> =>
  // The one cast of a read: the store yields only events its registry decoded against their type's codec, and a stream holds only its decider's events.
  store.readStream(stream, options) as AsyncIterable<RecordedEvent<E>>;

export type AggregateOptions<E extends Event> = {
  /** The last revision folded: later events are not read. */
  readonly upTo?: bigint;
  /** The fold ends before the first event past the point wanted (a moment, a position). */
  readonly until?: (event: RecordedEvent<E>) => boolean;
  /** Events left out of the fold, though read (a command's own, to tell the state before it). */
  readonly skip?: (event: RecordedEvent<E>) => boolean;
  /** Only a stream whose every event is this company's: another company's folds to the initial state, as if absent. */
  readonly companyId?: string;
  /** Sees every event folded, for what else the reader gathers on the way. */
  readonly each?: (event: RecordedEvent<E>) => void;
};

export type AggregatedStream<State, E extends Event> = {
  readonly state: State;
  /** Revision of the last event folded; undefined when none was (no stream). */
  readonly revision: bigint | undefined;
  /** Global position of the last event folded. */
  readonly position: bigint | undefined;
  readonly last: RecordedEvent<E> | undefined;
};

/** Reads a stream and folds it with the decider's `evolve` from its `initialState`. */
export const aggregateStream = async <State, E extends Event>(
  store: EventStore,
  decider: Evolver<State, E>,
  stream: string,
  options: AggregateOptions<E> = {},
): Promise<AggregatedStream<State, E>> => {
  let state = decider.initialState();
  let last: RecordedEvent<E> | undefined;
  const read = options.upTo === undefined ? undefined : { maxCount: Number(options.upTo) + 1 };
  for await (const event of readStreamOf<E>(store, stream, read)) {
    if (options.companyId !== undefined && event.metadata.companyId !== options.companyId)
      return { state: decider.initialState(), revision: undefined, position: undefined, last: undefined };
    if (options.until?.(event)) break;
    if (options.skip?.(event)) continue;
    options.each?.(event);
    state = decider.evolve(state, event);
    last = event;
  }
  return { state, revision: last?.revision, position: last?.position, last };
};
