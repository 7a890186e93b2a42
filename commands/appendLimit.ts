import { AppendTooLargeError } from '../domain/errors.ts';
import type { NewEvent } from '../domain/events/event.ts';

/** EventStoreDB's own default `MaxAppendSize`: 1 MiB. */
export const DEFAULT_MAX_APPEND_BYTES = 1024 * 1024;

/**
 * The bytes one event counts against an append's limit, as EventStoreDB counts them: its data and
 * metadata as JSON, and its type at two bytes a character.
 */
export const sizeOfEncoded = (type: string, dataJson: string, metadataJson: string): number =>
  Buffer.byteLength(dataJson) + Buffer.byteLength(metadataJson) + 2 * type.length;

export const encodedEventSize = (event: NewEvent): number =>
  sizeOfEncoded(event.type, JSON.stringify(event.data), JSON.stringify(event.metadata));

export const encodedAppendSize = (events: readonly NewEvent[]): number =>
  events.reduce((sum, event) => sum + encodedEventSize(event), 0);

/** Refuses, before anything is written, an append of `size` bytes when the store takes fewer at once. */
export const refuseOversizedAppend = (
  stream: string,
  events: readonly NewEvent[],
  size: number,
  limit: number,
): void => {
  if (size > limit) throw new AppendTooLargeError(stream, size, limit, events.length === 1 ? 'event' : 'append');
};

/**
 * The events in consecutive parts of at most `limit` bytes each, cut at event boundaries only; one
 * part when they fit. An event larger than the limit alone cannot be cut and refuses them all.
 */
export const appendParts = (stream: string, events: readonly NewEvent[], limit: number): NewEvent[][] => {
  const parts: NewEvent[][] = [];
  let part: NewEvent[] = [];
  let size = 0;
  for (const event of events) {
    const eventSize = encodedEventSize(event);
    if (eventSize > limit) throw new AppendTooLargeError(stream, eventSize, limit, 'event');
    if (size + eventSize > limit && part.length > 0) {
      parts.push(part);
      part = [];
      size = 0;
    }
    part.push(event);
    size += eventSize;
  }
  if (part.length > 0) parts.push(part);
  return parts;
};
