import {
  ANY,
  NO_STREAM,
  STREAM_EXISTS,
  type AppendExpectedRevision,
  type CurrentRevision,
} from '@eventstore/db-client';
import type { ExpectedRevision } from '../../../commands/eventStore.ts';

/** Our expected revision as the client's append option. */
export const toEsdbExpectedRevision = (expected: ExpectedRevision): AppendExpectedRevision => {
  switch (expected) {
    case 'any':
      return ANY;
    case 'no_stream':
      return NO_STREAM;
    case 'stream_exists':
      return STREAM_EXISTS;
    default:
      // The server reads revisions as unsigned; a negative one is a caller's bug, not a conflict.
      if (expected < 0n) throw new RangeError(`expected revision must not be negative, got ${expected}`);
      return expected;
  }
};

// The protocol's older negative sentinels, still found in errors built from gRPC metadata.
const sentinels: ReadonlyMap<bigint, ExpectedRevision> = new Map([
  [-1n, 'no_stream'],
  [-2n, 'any'],
  [-4n, 'stream_exists'],
]);

/** A revision the client reports (expected or current) in our terms. */
export const fromEsdbRevision = (revision: AppendExpectedRevision | CurrentRevision): ExpectedRevision => {
  switch (revision) {
    case ANY:
      return 'any';
    case NO_STREAM:
      return 'no_stream';
    case STREAM_EXISTS:
      return 'stream_exists';
    default: {
      if (revision >= 0n) return revision;
      const named = sentinels.get(revision);
      if (named === undefined) throw new RangeError(`unknown EventStoreDB revision ${revision}`);
      return named;
    }
  }
};

/** The stream's current revision from what the client reports; undefined when there is no stream. */
export const currentRevision = (revision: CurrentRevision): bigint | undefined => {
  const ours = fromEsdbRevision(revision);
  return typeof ours === 'bigint' ? ours : undefined;
};
