import { Long } from 'mongodb';

const MIN = -(2n ** 63n);
const MAX = 2n ** 63n - 1n;

// Positions are stored as BSON int64 (Long): exact for every bigint SQLite's INTEGER holds, and `$lt`/`$max` compare them as numbers.
export const toStoredPosition = (position: bigint): Long => {
  if (position < MIN || position > MAX) throw new RangeError(`position ${position} does not fit in a 64-bit integer`);
  return Long.fromBigInt(position);
};

/** Reads a stored position back; the driver hands int64 over as Long, or as a number when it fits in 53 bits. */
export const fromStoredPosition = (stored: unknown): bigint => {
  if (typeof stored === 'bigint') return stored;
  if (Long.isLong(stored)) return stored.toBigInt();
  if (typeof stored === 'number' && Number.isSafeInteger(stored)) return BigInt(stored);
  throw new TypeError(`not a stored position: ${String(stored)}`);
};
