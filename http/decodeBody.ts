import * as t from 'io-ts';
import { isLeft } from 'fp-ts/lib/Either.js';
import { errorDetails } from '../domain/codecs/describeErrors.ts';
import { ValidationError, type ErrorDetail } from '../domain/errors.ts';

const unique = (details: readonly ErrorDetail[]): ErrorDetail[] =>
  details.filter((d, i) => details.findIndex((e) => e.path === d.path && e.message === d.message) === i);

const decodePart =
  (part: 'body' | 'query' | 'params') =>
  <C extends t.Mixed>(codec: C, value: unknown): t.TypeOf<C> => {
    if (value === undefined && part === 'body')
      throw new ValidationError(
        'REQUEST.INVALID_BODY',
        'The request has no JSON body (Content-Type: application/json).',
        [{ path: '(root)', message: 'expected a JSON body' }],
      );
    const decoded = codec.decode(value);
    if (!isLeft(decoded)) return decoded.right;
    const errors = unique(errorDetails(decoded.left));
    const shown = errors.slice(0, 5).map((e) => `${e.path}: ${e.message}`);
    const summary = [...shown, ...(errors.length > 5 ? [`and ${errors.length - 5} more`] : [])].join('; ');
    throw new ValidationError(
      `REQUEST.INVALID_${part.toUpperCase()}`,
      `The request ${part} is invalid: ${summary}`,
      errors,
    );
  };

/** Decodes a parsed body with its codec, or throws a ValidationError naming every failing path. */
export const decodeBody = decodePart('body');
export const decodeQuery = decodePart('query');
export const decodeParams = decodePart('params');
