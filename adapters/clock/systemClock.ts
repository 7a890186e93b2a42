import { randomFillSync } from 'node:crypto';
import { v7 } from 'uuid';

/** The wall clock, for the composition root; domain code receives time, it never reads it. */
export const systemClock = (): Date => new Date();

// One system call fills randomness for 1,024 ids: a launch or an import makes ids by the hundred thousand.
const pool = new Uint8Array(16 * 1024);
let used = pool.length;
const pooledRandom = (): Uint8Array => {
  if (used === pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  used += 16;
  return pool.subarray(used - 16, used);
};

// Within one millisecond ids count up from a random start, as uuid does on its own, so they stay in order.
let lastMs = -Infinity;
let sequence = 0;

/** Entity ids are UUIDv7: time-ordered, so the indexes that hold them grow at one edge. */
export const newEntityId = (): string => {
  const random = pooledRandom();
  let msecs = Date.now();
  if (msecs > lastMs)
    sequence = ((random[6]! << 22) | (random[7]! << 14) | (random[8]! << 6) | (random[9]! >> 2)) & 0x1fffffff;
  else {
    msecs = lastMs;
    sequence += 1;
    if (sequence > 0x7fffffff) ((msecs += 1), (sequence = 0));
  }
  lastMs = msecs;
  return v7({ random, msecs, seq: sequence });
};
