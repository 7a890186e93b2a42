/** The newest position each caller's writes answered, for the most recent `capacity` callers. */
export type LastWrites = {
  record(caller: string, position: bigint): void;
  of(caller: string): bigint | undefined;
  readonly size: number;
};

/**
 * Held in a Map, whose keys keep insertion order: a caller is moved to the end when it writes, and
 * the caller that wrote longest ago is forgotten first, so memory does not grow with callers.
 */
export const lastWrites = (capacity = 10_000): LastWrites => {
  const positions = new Map<string, bigint>();
  return {
    record(caller, position) {
      const known = positions.get(caller);
      positions.delete(caller);
      positions.set(caller, known !== undefined && known > position ? known : position);
      if (positions.size > capacity) positions.delete(positions.keys().next().value!);
    },
    of: (caller) => positions.get(caller),
    get size() {
      return positions.size;
    },
  };
};
