import { named } from '../domain/namedValue.ts';
import { ValidationError } from '../domain/errors.ts';

/**
 * Refuses a body's fields that its kind does not have, each by name: a misspelt field would otherwise be
 * dropped silently. A field with an empty name is said in words, and its path is `""`.
 */
export const refuseUnknownFields = (
  body: unknown,
  known: ReadonlySet<string>,
  kind: { readonly field: 'part' | 'field'; readonly of: string },
): void => {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return;
  const unknown = Object.keys(body).filter((key) => !known.has(key));
  if (unknown.length === 0) return;
  const listed = unknown.map((key) => (key === '' ? 'one with an empty name' : named(key, 'name'))).join(', ');
  throw new ValidationError(
    'REQUEST.INVALID_BODY',
    `The request body has ${kind.field}s ${kind.of} does not have: ${listed}.`,
    unknown.map((key) => ({
      path: key === '' ? '""' : key,
      message: `not a ${kind.field} of ${kind.of} (expected one of ${[...known].join(', ')})`,
    })),
  );
};
