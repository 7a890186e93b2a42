import { LRUCache } from 'lru-cache';
import type { Event } from '../domain/events/event.ts';
import { readStreamOf, type Evolver } from './aggregateStream.ts';
import { approximateBytes } from './approximateBytes.ts';
import type { EventStore } from './eventStore.ts';

/** A stream folded up to a revision, with what answering a repeated command needs. */
export type FoldedStream<State> = {
  readonly state: State;
  /** Revision of the last event folded; undefined when none was (no stream). */
  readonly revision: bigint | undefined;
  /** Global position of the last event folded. */
  readonly position: bigint | undefined;
  /** The position of the last event each command recorded on the stream. */
  readonly commands: ReadonlyMap<string, bigint>;
};

/** At most this many folded streams, weighing at most this many bytes (estimated), per event store. */
export type StreamStateBounds = { readonly maxEntries: number; readonly maxBytes: number };

export const defaultStreamStateBounds: StreamStateBounds = { maxEntries: 10_000, maxBytes: 128 * 1024 * 1024 };

/** What a recorded command's events leave of the stream: its head, and the state folded through them. */
export type RecordedCommand<State> = {
  readonly state: State;
  readonly revision: bigint;
  readonly position: bigint;
  readonly commandId: string;
};

export type StreamStates = {
  /**
   * The stream folded to its head: the fold kept from before brought up to date with the events
   * appended since (by any process), or the whole stream when none is kept.
   */
  fold<State, E extends Event>(evolver: Evolver<State, E>, stream: string): Promise<FoldedStream<State>>;
  /** Keeps the fold through a command's events once the store has recorded all of them after `decidedOn`. */
  recorded<State, E extends Event>(
    evolver: Evolver<State, E>,
    stream: string,
    decidedOn: FoldedStream<State>,
    command: RecordedCommand<State>,
  ): void;
  /** Drops a stream's fold, so the next one starts from the store. */
  forget<State, E extends Event>(evolver: Evolver<State, E>, stream: string): void;
  /** Folds kept. */
  readonly size: number;
};

/** Bytes a command id costs in the map of commands seen: the string, the map's slot and the position. */
const COMMAND_BYTES = 120;

type Kept = FoldedStream<unknown> & { readonly commands: Map<string, bigint> };

/** Each fold's own number: a fold belongs to the evolve and initial state that made it, whichever decider carries them. */
const evolverIds = new WeakMap<object, WeakMap<object, number>>();
let evolvers = 0;
const evolverId = (evolver: Evolver<unknown, Event>): number => {
  let byInitial = evolverIds.get(evolver.evolve);
  if (!byInitial) evolverIds.set(evolver.evolve, (byInitial = new WeakMap()));
  let id = byInitial.get(evolver.initialState);
  if (id === undefined) byInitial.set(evolver.initialState, (id = ++evolvers));
  return id;
};

/**
 * Folded streams of one event store, least recently used dropped first. A fold is only ever made of
 * events the store holds: read from it, or appended to it and acknowledged. It may be behind the
 * stream (another process appended), never ahead of it, so every use reads the events after it.
 */
export const streamStates = (store: EventStore, bounds: StreamStateBounds = defaultStreamStateBounds): StreamStates => {
  const kept = new LRUCache<string, Kept>({
    max: bounds.maxEntries,
    maxSize: bounds.maxBytes,
    sizeCalculation: (fold) =>
      Math.max(1, Math.ceil(approximateBytes(fold.state) + fold.commands.size * COMMAND_BYTES)),
  });
  // The evolver is widened to unknown state here: a key names one evolver, so a fold is read back as the state it made.
  const keyOf = <State, E extends Event>(evolver: Evolver<State, E>, stream: string) =>
    `${evolverId(evolver as unknown as Evolver<unknown, Event>)}/${stream}`;

  /** A fold replaces the one kept only when it reaches further: two readers of one stream may finish in either order. */
  const keep = (key: string, fold: Kept) => {
    const current = kept.peek(key);
    if (current?.revision !== undefined && (fold.revision === undefined || fold.revision < current.revision)) return;
    kept.set(key, fold);
  };

  return {
    async fold<State, E extends Event>(evolver: Evolver<State, E>, stream: string) {
      const key = keyOf(evolver, stream);
      const before = kept.get(key) as (Kept & { state: State }) | undefined;
      let state = before ? before.state : evolver.initialState();
      let revision = before?.revision;
      let position = before?.position;
      // Only facts the store holds are added, so the map may be shared by the folds of one key.
      const commands = before?.commands ?? new Map<string, bigint>();
      const from = revision === undefined ? 0n : revision + 1n;
      let read = 0;
      for await (const event of readStreamOf<E>(store, stream, { fromRevision: from })) {
        state = evolver.evolve(state, event);
        revision = event.revision;
        position = event.position;
        commands.set(event.metadata.commandId, event.position);
        read++;
      }
      const fold = { state, revision, position, commands };
      if (!before || read > 0) keep(key, fold);
      return fold;
    },

    recorded(evolver, stream, decidedOn, { state, revision, position, commandId }) {
      // The commands of the fold decided on, which every fold hands out as its own map.
      const commands = decidedOn.commands as Map<string, bigint>;
      commands.set(commandId, position);
      keep(keyOf(evolver, stream), { state, revision, position, commands });
    },

    forget(evolver, stream) {
      kept.delete(keyOf(evolver, stream));
    },

    get size() {
      return kept.size;
    },
  };
};

const ofStores = new WeakMap<EventStore, StreamStates>();

/** Bounds the folds kept for an event store (`COMMAND_CACHE_MB`); the composition root sets them before the first command. */
export const keepStreamStates = (store: EventStore, bounds: StreamStateBounds): StreamStates => {
  const states = streamStates(store, bounds);
  ofStores.set(store, states);
  return states;
};

/** The one set of folded streams of an event store in this process, shared by every command handler built on it. */
export const streamStatesOf = (store: EventStore): StreamStates => {
  let states = ofStores.get(store);
  if (!states) ofStores.set(store, (states = streamStates(store)));
  return states;
};
