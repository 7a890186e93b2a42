import type * as t from 'io-ts';
import type { ErrorDetail } from '../errors.ts';

/** io-ts keys the members of a union or intersection by their index; that index is no part of the value's path. */
type Tagged = { readonly _tag?: string; readonly type?: Tagged };
const combines = (parent: t.ContextEntry | undefined): boolean => {
  let codec = parent?.type as Tagged | undefined;
  while (codec && (codec._tag === 'ExactType' || codec._tag === 'ReadonlyType' || codec._tag === 'RefinementType'))
    codec = codec.type;
  return codec?._tag === 'UnionType' || codec?._tag === 'IntersectionType';
};

/** A glimpse of the offending value; one nested too deeply for JSON.stringify must not turn a 400 into a 500. */
const shown = (value: unknown): string => {
  // JSON.stringify shows Infinity and NaN as null, and -0 as 0, which would name the wrong value.
  if (typeof value === 'number' && (!Number.isFinite(value) || Object.is(value, -0)))
    return Object.is(value, -0) ? '-0' : String(value);
  try {
    const text = JSON.stringify(value) ?? String(value);
    // A cut value says so, and never ends on a space; a cut between the halves of a surrogate pair would leave text no store can hold.
    return text.length <= 80 ? text : `${text.slice(0, 80).replace(/[\ud800-\udbff]$/, '')}…`;
  } catch {
    return 'a value nested too deeply to show';
  }
};

/** Objects and arrays are named by their kind when the value is not of it: a codec's full name would spell out every field. */
const kindOf = (codec: Tagged | undefined): 'an object' | 'an array' | undefined => {
  let c = codec as (Tagged & { readonly types?: readonly Tagged[] }) | undefined;
  while (
    c &&
    (c._tag === 'ExactType' || c._tag === 'ReadonlyType' || c._tag === 'Closed' || c._tag === 'RefinementType')
  )
    c = c.type;
  switch (c?._tag) {
    case 'InterfaceType':
    case 'PartialType':
    case 'StrictType':
    case 'DictionaryType':
    case 'ClosedRecord':
      return 'an object';
    case 'ArrayType':
    case 'ReadonlyArrayType':
      return 'an array';
    case 'IntersectionType':
    case 'UnionType': {
      const kinds = new Set((c.types ?? []).map(kindOf));
      return kinds.size === 1 ? [...kinds][0] : undefined;
    }
    default:
      return undefined;
  }
};

const isKind = (value: unknown, kind: 'an object' | 'an array'): boolean =>
  kind === 'an array' ? Array.isArray(value) : typeof value === 'object' && value !== null && !Array.isArray(value);

type Failure = {
  readonly path: string;
  readonly expected: string[];
  readonly value: unknown;
  readonly message: string | undefined;
};

const failureOf = (error: t.ValidationError): Failure => {
  const path = error.context
    .filter((entry, i) => entry.key !== '' && !combines(error.context[i - 1]))
    .map((entry) => entry.key)
    .join('.');
  const last = error.context[error.context.length - 1];
  const kind = kindOf(last?.type as Tagged | undefined);
  const expected = kind && !isKind(error.value, kind) ? kind : (last?.type.name ?? 'a valid value');
  return { path: path || '(root)', expected: [expected], value: error.value, message: error.message };
};

/**
 * A union's members fail one by one: those failing at one path on one value are one problem
 * (`expected A or B`), and a `null` member is dropped where another member got deeper into the value.
 */
const unionsMerged = (failures: readonly Failure[]): Failure[] => {
  const merged: Failure[] = [];
  for (const failure of failures) {
    const same =
      failure.message === undefined
        ? merged.find((m) => m.message === undefined && m.path === failure.path && Object.is(m.value, failure.value))
        : undefined;
    if (same) same.expected.push(...failure.expected.filter((e) => !same.expected.includes(e)));
    else merged.push({ ...failure, expected: [...failure.expected] });
  }
  const deeper = (path: string) => merged.some((m) => m.path.startsWith(`${path}.`));
  return merged.filter((m) => !(m.expected.length === 1 && m.expected[0] === 'null' && deeper(m.path)));
};

/** Names each failing path of an io-ts decode as `a.b.0: expected X, got Y`, or `a.b: missing; expected X`. */
export const errorDetails = (errors: t.Errors): ErrorDetail[] =>
  unionsMerged(errors.map(failureOf)).map(({ path, expected, value, message }) => {
    const wanted = expected.join(' or ');
    return {
      path,
      message:
        message ?? (value === undefined ? `missing; expected ${wanted}` : `expected ${wanted}, got ${shown(value)}`),
    };
  });

export const describeErrors = (errors: t.Errors): string =>
  errorDetails(errors)
    .map((d) => `${d.path}: ${d.message}`)
    .join('; ');
