import { START, type Position, type ReadPosition } from '@eventstore/db-client';

// ulong.MaxValue: servers before 22.6 send it where a stream read has no position.
const UNKNOWN = 2n ** 64n - 1n;

/** Our global position is the commit position: unique per event outside legacy explicit transactions, which we never write. */
export const fromEsdbPosition = (position: Position | undefined): bigint | undefined =>
  position === undefined || position.commit < 0n || position.commit >= UNKNOWN ? undefined : position.commit;

/** Where to start reading $all for events after `after`; the read includes it, so callers skip it. */
export const toEsdbPosition = (after: bigint | undefined): ReadPosition =>
  after === undefined || after <= 0n ? START : { commit: after, prepare: after };

/** Positions are exclusive: `after` itself is never delivered again. */
export const isAfter = (position: bigint, after: bigint | undefined): boolean =>
  after === undefined || position > after;
