import { ErrorType, type CurrentRevision } from '@eventstore/db-client';
import { ConcurrencyError, EventDecodingError } from '../../../domain/errors.ts';
import type { ExpectedRevision } from '../../../commands/eventStore.ts';
import { describeRevision } from '../../../commands/expectedRevision.ts';
import { fromEsdbRevision } from './revisions.ts';

// Matched by `type` rather than instanceof, so errors from another copy of the client still map.
const typeOf = (error: unknown): unknown =>
  typeof error === 'object' && error !== null ? (error as { type?: unknown }).type : undefined;

/** The shape of the client's WrongExpectedVersionError that this adapter reads. */
export type WrongExpectedVersionLike = {
  readonly type: ErrorType.WRONG_EXPECTED_VERSION;
  readonly actualVersion: CurrentRevision;
};

export const isWrongExpectedVersion = (error: unknown): error is WrongExpectedVersionLike =>
  typeOf(error) === ErrorType.WRONG_EXPECTED_VERSION;

/** The shape of the client's MaxAppendSizeExceededError that this adapter reads. */
export type MaxAppendSizeExceededLike = {
  readonly type: ErrorType.MAXIMUM_APPEND_SIZE_EXCEEDED;
  readonly maxAppendSize: number;
};

export const isMaxAppendSizeExceeded = (error: unknown): error is MaxAppendSizeExceededLike =>
  typeOf(error) === ErrorType.MAXIMUM_APPEND_SIZE_EXCEEDED;

export const isStreamNotFound = (error: unknown): boolean => typeOf(error) === ErrorType.STREAM_NOT_FOUND;

/** Our ConcurrencyError for a refused append, naming what we expected and what the server has. */
export const toConcurrencyError = (
  stream: string,
  expected: ExpectedRevision,
  actual: CurrentRevision,
): ConcurrencyError =>
  new ConcurrencyError(stream, describeRevision(expected), describeRevision(fromEsdbRevision(actual)));

// Reconnecting cannot cure these: the request or the credentials are wrong, or history is bad.
const permanentTypes: ReadonlySet<unknown> = new Set([
  ErrorType.ACCESS_DENIED,
  ErrorType.INVALID_ARGUMENT,
  ErrorType.UNSUPPORTED,
  ErrorType.STREAM_DELETED,
]);

/** Errors a subscription must stop on rather than resubscribe after. */
export const isPermanent = (error: unknown): boolean =>
  error instanceof EventDecodingError || permanentTypes.has(typeOf(error));
