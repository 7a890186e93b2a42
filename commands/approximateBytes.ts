/** Members of a collection looked at to estimate it; the rest are taken to be like them. */
const SAMPLE = 8;
/** Below this depth a value counts as one small object: states are shallow, and the estimate must stay cheap. */
const DEEPEST = 6;
/** What V8 spends on an object, an array or a collection before its members, and on each slot (measured on Node 20). */
const HEADER = 32;
const FIELD = 8;
const SET_ENTRY = 24;
const MAP_ENTRY = 40;

const sampled = (members: Iterable<unknown>, count: number, depth: number): number => {
  if (count === 0) return 0;
  let bytes = 0;
  let seen = 0;
  for (const member of members) {
    bytes += approximateBytesAt(member, depth);
    if (++seen === SAMPLE) break;
  }
  return (bytes / seen) * count;
};

const approximateBytesAt = (value: unknown, depth: number): number => {
  if (typeof value === 'string') return 24 + value.length;
  if (typeof value !== 'object' || value === null) return FIELD;
  if (depth >= DEEPEST) return HEADER;
  const below = depth + 1;
  if (Array.isArray(value)) return HEADER + value.length * FIELD + sampled(value, value.length, below);
  if (value instanceof Set) return HEADER + value.size * SET_ENTRY + sampled(value, value.size, below);
  if (value instanceof Map)
    return (
      HEADER +
      value.size * MAP_ENTRY +
      sampled(value.keys(), value.size, below) +
      sampled(value.values(), value.size, below)
    );
  const keys = Object.keys(value);
  const fields = value as Record<string, unknown>;
  return (
    HEADER +
    keys.length * FIELD +
    sampled(
      keys.slice(0, SAMPLE).map((key) => fields[key]),
      keys.length,
      below,
    )
  );
};

/**
 * A rough size in bytes of a folded state, from a sample of each collection's members, so that
 * weighing a state of 100,000 entries costs a few dozen steps instead of 100,000.
 */
export const approximateBytes = (value: unknown): number => approximateBytesAt(value, 0);
