import { jsonEvent, type EventData, type JSONType, type Position } from '@eventstore/db-client';
import type { NewEvent, StoredEvent } from '../../../domain/events/event.ts';
import { fromEsdbPosition } from './positions.ts';

/** The part of the client's resolved event this adapter reads; stream and $all reads both have it. */
export type ResolvedLike = {
  readonly event?: {
    readonly streamId: string;
    readonly id: string;
    readonly revision: bigint;
    readonly type: string;
    readonly data: unknown;
    readonly metadata: unknown;
    readonly position?: Position;
  };
  readonly commitPosition?: bigint;
};

/** Our event as the client sends it: our deterministic id, so the server can recognise a repeat. */
export const toEventData = (event: NewEvent): EventData =>
  jsonEvent({ id: event.id, type: event.type, data: event.data as JSONType, metadata: event.metadata });

/** The server's own bookkeeping ($stats, $metadata, projection links): no reader of ours wants it. */
export const isSystemEvent = (event: { readonly type: string; readonly streamId: string }): boolean =>
  event.type.startsWith('$') || event.streamId.startsWith('$');

/** One of our events ready for the registry to decode; undefined for system events and links whose target is gone. */
export const toStoredEvent = (resolved: ResolvedLike): StoredEvent | undefined => {
  const event = resolved.event;
  if (event === undefined || isSystemEvent(event)) return undefined;
  const position = fromEsdbPosition(event.position) ?? resolved.commitPosition;
  if (position === undefined)
    throw new Error(
      `EventStoreDB reported no position for ${event.streamId}@${event.revision}; version 22.6 or newer is needed`,
    );
  return {
    id: event.id,
    stream: event.streamId,
    revision: event.revision,
    position,
    type: event.type,
    data: event.data,
    metadata: event.metadata,
  };
};
