import { ConcurrencyError } from '../domain/errors.ts';
import type { ExpectedRevision } from './eventStore.ts';

export const describeRevision = (revision: ExpectedRevision | bigint | undefined): string =>
  revision === undefined ? 'no_stream' : String(revision);

/** Throws ConcurrencyError unless the stream's current revision (undefined: no stream) matches. */
export const checkExpectedRevision = (
  stream: string,
  expected: ExpectedRevision,
  current: bigint | undefined,
): void => {
  const holds =
    expected === 'any' ||
    (expected === 'no_stream' && current === undefined) ||
    (expected === 'stream_exists' && current !== undefined) ||
    (typeof expected === 'bigint' && current === expected);
  if (!holds) throw new ConcurrencyError(stream, describeRevision(expected), describeRevision(current));
};

/** A state's revision as the handler expects it: -1, before any event, is no stream. */
export const expectedAt = (revision: number): ExpectedRevision => (revision < 0 ? 'no_stream' : BigInt(revision));
