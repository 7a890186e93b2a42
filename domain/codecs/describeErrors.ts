import type * as t from 'io-ts';
import type { ErrorDetail } from '../errors.ts';

/** Names each failing path of an io-ts decode as `a.b.0: expected X, got Y`. */
export const errorDetails = (errors: t.Errors): ErrorDetail[] =>
  errors.map((error) => {
    const path = error.context
      .map((entry) => entry.key)
      .filter((key) => key !== '')
      .join('.');
    const last = error.context[error.context.length - 1];
    const expected = last?.type.name ?? 'a valid value';
    const got = error.value === undefined ? 'nothing' : JSON.stringify(error.value)?.slice(0, 80);
    return { path: path || '(root)', message: error.message ?? `expected ${expected}, got ${got}` };
  });

export const describeErrors = (errors: t.Errors): string =>
  errorDetails(errors)
    .map((d) => `${d.path}: ${d.message}`)
    .join('; ');
