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
