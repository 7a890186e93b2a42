import type { Event, RecordedEvent } from '../domain/events/event.ts';
import type { CollectionSpec, Doc } from './readStore.ts';

/** One document an event changes: `apply` turns its current form into the next (null deletes it). */
export type DocumentUpdate = {
  readonly collection: string;
  readonly id: string;
  readonly apply: (current: Doc | undefined, read?: Doc) => Doc | null;
  /**
   * Another document `apply` reads, as the updates before this one left it (its second argument): a
   * fact one event does not carry, such as whether its campaign has a webhook. Read, never written.
   */
  readonly reads?: { readonly collection: string; readonly id: string };
  /**
   * No earlier event touches this document (an enrolment, a case added): the runner does not read it
   * first. A replay still changes nothing, since the store keeps a document's newer position.
   */
  readonly creates?: boolean;
};

/**
 * A read model: which events it reads, the collections it writes, and a pure function from an
 * event to the document updates it causes. A new `version` rebuilds it from the first event.
 */
export type Projection<E extends Event = Event> = {
  readonly name: string;
  readonly version: number;
  readonly collections: readonly CollectionSpec[];
  readonly eventTypes: readonly E['type'][];
  project(event: RecordedEvent<E>): readonly DocumentUpdate[];
};

/** The document updates one event type causes. */
export type EventHandler<E extends Event> = (event: RecordedEvent<E>) => readonly DocumentUpdate[];

/** One handler for each event type a projection reads, and none other: its keys are the projection's `eventTypes`. */
export type EventHandlers<E extends Event> = {
  readonly [T in E['type']]: EventHandler<Extract<E, { readonly type: T }>>;
};

/** A projection defined by its handlers, which it keeps for its specifications to read. */
export type HandledProjection<E extends Event = Event> = Projection<E> & { readonly handlers: EventHandlers<E> };

/**
 * A projection whose `eventTypes` are the keys of its handlers, so the events it reads and the events
 * it handles cannot drift apart: a handler missing or extra for its event union fails to compile.
 */
export const projectionOf = <E extends Event>(definition: {
  readonly name: string;
  readonly version: number;
  readonly collections: readonly CollectionSpec[];
  readonly handlers: EventHandlers<E>;
}): HandledProjection<E> => {
  const { handlers } = definition;
  // The runner feeds only `eventTypes`, so each event meets the handler of its own type.
  const byType = handlers as unknown as Readonly<Record<string, EventHandler<E> | undefined>>;
  return {
    ...definition,
    eventTypes: Object.keys(handlers) as E['type'][],
    project: (event) => byType[event.type]?.(event) ?? [],
  };
};

/** The same handler for several event types. */
export const handledAlike = <T extends string, H>(types: readonly T[], handler: H): Record<T, H> =>
  Object.fromEntries(types.map((type) => [type, handler])) as Record<T, H>;
