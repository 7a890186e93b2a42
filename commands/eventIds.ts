import { createHash } from 'node:crypto';

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

/** Lays 16 bytes out as a UUIDv7: 48-bit milliseconds, then version and variant bits over the rest. */
export const uuidV7Layout = (milliseconds: number, rest: Uint8Array): string => {
  const bytes = new Uint8Array(16);
  let ms = Math.max(0, Math.floor(milliseconds));
  for (let i = 5; i >= 0; i--) {
    bytes[i] = ms % 256;
    ms = Math.floor(ms / 256);
  }
  bytes.set(rest.subarray(0, 10), 6);
  bytes[6] = 0x70 | (bytes[6]! & 0x0f);
  bytes[8] = 0x80 | (bytes[8]! & 0x3f);
  const h = hex(bytes);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
};

/**
 * The id of the index-th event of a command: time-ordered so indexes grow at their right edge,
 * and derived from the command id so a re-sent command produces the very same ids.
 */
export const eventId = (commandId: string, index: number, occurredAt: Date): string =>
  uuidV7Layout(occurredAt.getTime(), createHash('sha256').update(`${commandId}\u0000${index}`).digest());
