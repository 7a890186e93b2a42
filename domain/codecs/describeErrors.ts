import type * as t from 'io-ts';
import type { ErrorDetail } from '../errors.ts';

/** io-ts keys the members of a union or intersection by their index; that index is no part of the value's path. */
type Tagged = { readonly _tag?: string; readonly type?: Tagged };
const combines = (parent: t.ContextEntry | undefined): boolean => {
  let codec = parent?.type as Tagged | undefined;
  while (codec && (codec._tag === 'ExactType' || codec._tag === 'ReadonlyType' || codec._tag === 'RefinementType')) codec = codec.type;
  return codec?._tag === 'UnionType' || codec?._tag === 'IntersectionType';
};

/** A glimpse of the offending value; one nested too deeply for JSON.stringify must not turn a 400 into a 500. */
const shown = (value: unknown): string => {
  // JSON.stringify shows Infinity and NaN as null, and -0 as 0, which would name the wrong value.
  if (typeof value === 'number' && (!Number.isFinite(value) || Object.is(value, -0))) return Object.is(value, -0) ? '-0' : String(value);
  try {
    // A cut between the halves of a surrogate pair would leave text no store can hold.
    return JSON.stringify(value)?.slice(0, 80).replace(/[\ud800-\udbff]$/, '') ?? String(value);
  } catch {
    return 'a value nested too deeply to show';
  }
};

/** Names each failing path of an io-ts decode as `a.b.0: expected X, got Y`. */
export const errorDetails = (errors: t.Errors): ErrorDetail[] =>
  errors.map((error) => {
    const path = error.context
      .filter((entry, i) => entry.key !== '' && !combines(error.context[i - 1]))
      .map((entry) => entry.key)
      .join('.');
    const last = error.context[error.context.length - 1];
    const expected = last?.type.name ?? 'a valid value';
    const got = error.value === undefined ? 'nothing' : shown(error.value);
    return { path: path || '(root)', message: error.message ?? `expected ${expected}, got ${got}` };
  });

export const describeErrors = (errors: t.Errors): string =>
  errorDetails(errors)
    .map((d) => `${d.path}: ${d.message}`)
    .join('; ');
