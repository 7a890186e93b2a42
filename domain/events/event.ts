import * as t from 'io-ts';
import { WholeNumber } from '../values.ts';

/** What a decider decides: a past-tense fact with its payload. */
export type Event<Type extends string = string, Data = unknown> = {
  readonly type: Type;
  readonly data: Data;
};

export const EventMetadataCodec = t.type({
  companyId: t.string,
  commandId: t.string,
  correlationId: t.string,
  causationId: t.string,
  actor: t.string,
  occurredAt: t.string,
  schemaVersion: WholeNumber,
});

/** Who caused an event, on whose behalf, and when; stored with every event. */
export type EventMetadata = t.TypeOf<typeof EventMetadataCodec>;

/** An event ready to append: its deterministic id, encoded data and metadata. */
export type NewEvent = {
  readonly id: string;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: EventMetadata;
};

/** An event as read back from a stream, with its place in the stream and in the whole store. */
export type RecordedEvent<E extends Event = Event> = E & {
  readonly id: string;
  readonly stream: string;
  readonly revision: bigint;
  readonly position: bigint;
  readonly metadata: EventMetadata;
};

/** An event as the store holds it, before its codec has looked at it. */
export type StoredEvent = {
  readonly id: string;
  readonly stream: string;
  readonly revision: bigint;
  readonly position: bigint;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: unknown;
};
