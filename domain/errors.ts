// One error hierarchy with stable codes; the HTTP layer maps each kind to a status exactly once.

export type ErrorDetail = { path: string; message: string };

export abstract class EngineError extends Error {
  abstract readonly kind:
    | 'validation'
    | 'unauthorized'
    | 'forbidden'
    | 'not_found'
    | 'concurrency'
    | 'illegal_state'
    | 'unsupported_media_type'
    | 'too_large';
  readonly code: string;
  readonly errors: readonly ErrorDetail[];

  constructor(code: string, message: string, errors: readonly ErrorDetail[] = []) {
    super(message);
    this.name = new.target.name;
    this.code = code;
    this.errors = errors;
  }
}

export class ValidationError extends EngineError {
  readonly kind = 'validation' as const;
}

export class UnauthorizedError extends EngineError {
  readonly kind = 'unauthorized' as const;
}

export class ForbiddenError extends EngineError {
  readonly kind = 'forbidden' as const;
}

export class NotFoundError extends EngineError {
  readonly kind = 'not_found' as const;
}

/** An expected revision did not hold, or retries on conflict ran out. */
export class ConcurrencyError extends EngineError {
  readonly kind = 'concurrency' as const;
  constructor(
    readonly stream: string,
    readonly expected: string,
    readonly actual: string,
    message = `stream ${stream}: expected revision ${expected}, actual ${actual}`,
  ) {
    super('STREAM.WRONG_EXPECTED_REVISION', message);
  }
}

/** A command that does not fit the current state (launching a launched campaign). */
export class IllegalStateError extends EngineError {
  readonly kind = 'illegal_state' as const;
}

/** A request body in a format the receiver does not take (form data sent to a JSON route). */
export class UnsupportedMediaTypeError extends EngineError {
  readonly kind = 'unsupported_media_type' as const;
}

/**
 * One event, or the events of a command that must be recorded at once, larger than an append may
 * hold: nothing of the command is written.
 */
export class AppendTooLargeError extends EngineError {
  readonly kind = 'too_large' as const;
  constructor(
    readonly stream: string,
    readonly size: number,
    readonly limit: number,
    readonly what: 'event' | 'append' = 'event',
  ) {
    super(
      'STREAM.APPEND_TOO_LARGE',
      `${what === 'event' ? 'An event' : 'Events that must be recorded together'} of ${size} bytes for ${stream} ${what === 'event' ? 'is' : 'are'} larger than the ${limit} bytes one append may hold (EVENTSTORE_MAX_APPEND_BYTES).`,
    );
  }
}

/** A stored event that cannot be decoded: the reader stops rather than skip history. */
export class EventDecodingError extends Error {
  constructor(
    readonly stream: string,
    readonly revision: bigint,
    readonly type: string,
    readonly reason: string,
  ) {
    super(`cannot decode event ${type} at ${stream}@${revision}: ${reason}`);
    this.name = 'EventDecodingError';
  }
}

/** An event that would not read back as itself: the store refuses it before writing anything, as a reader would stop at it. */
export class UnwritableEventError extends Error {
  constructor(
    readonly stream: string,
    readonly type: string,
    readonly path: string,
    readonly reason: string,
  ) {
    super(`refusing to append ${type} to ${stream}: ${path} is ${reason}`);
    this.name = 'UnwritableEventError';
  }
}

/** Configuration that cannot work; names the setting so an operator can fix it. */
export class ConfigurationError extends Error {
  constructor(
    readonly setting: string,
    message: string,
  ) {
    super(`${setting}: ${message}`);
    this.name = 'ConfigurationError';
  }
}
