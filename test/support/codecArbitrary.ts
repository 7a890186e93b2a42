import fc from 'fast-check';
import { isRight } from 'fp-ts/lib/Either.js';
import type * as t from 'io-ts';

/** io-ts codecs (and the engine's own `refined`, `closed`, `closedRecord`, `FiniteNumber`) carry a `_tag` at run time. */
type Tagged = t.Any & { readonly _tag?: string; readonly [field: string]: unknown };

/**
 * Strings the engine's values take, so that ids, times and names coincide across generated events
 * often enough to meet each other, and refined strings (phones, zones, times) are found quickly.
 */
const usualStrings = [
  'c-1',
  'c-2',
  'company-1',
  '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
  '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c',
  '2026-03-02T15:04:05Z',
  '2026-03-02T15:04:05.000Z',
  '2026-03-03T09:00:00.000Z',
  '2026-03-02',
  '09:00',
  '17:30',
  '+13125550100',
  '+13125550101',
  'a@example.com',
  'https://example.com/hook',
  'America/Chicago',
  'America/New_York',
  'TX',
  '312',
  'STOP',
  'personal injury',
  'Ava',
];

const aString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...usualStrings) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
);

/** Small whole numbers, as counts, attempts and revisions are. */
const aNumber: fc.Arbitrary<number> = fc.oneof(fc.integer({ min: 0, max: 5 }), fc.integer({ min: -100, max: 10_000 }));

const merged = (parts: unknown[]): unknown =>
  parts.every((part) => typeof part === 'object' && part !== null && !Array.isArray(part))
    ? Object.assign({}, ...parts)
    : parts[parts.length - 1];

/** Values of a codec's type, as the codec decodes them; `depth` keeps nested collections small. */
const arbitraryAt = (codec: t.Any, depth: number): fc.Arbitrary<unknown> => {
  const c = codec as Tagged;
  const inner = (next: unknown) => arbitraryAt(next as t.Any, depth + 1);
  const many = { maxLength: depth > 3 ? 0 : 3 };
  switch (c._tag) {
    case 'InterfaceType':
    case 'StrictType':
      return fc.record(
        Object.fromEntries(Object.entries(c['props'] as Record<string, t.Any>).map(([k, v]) => [k, inner(v)])),
      );
    case 'PartialType':
      return fc.record(
        Object.fromEntries(Object.entries(c['props'] as Record<string, t.Any>).map(([k, v]) => [k, inner(v)])),
        { requiredKeys: [] },
      );
    case 'ExactType':
    case 'ReadonlyType':
    case 'Closed':
    case 'RecursiveType':
      return arbitraryAt(c['type'] as t.Any, depth);
    case 'ArrayType':
    case 'ReadonlyArrayType':
      return fc.array(inner(c['type']), many);
    case 'UnionType':
      return fc.oneof(...(c['types'] as t.Any[]).map((member) => arbitraryAt(member, depth)));
    case 'IntersectionType':
      return fc.tuple(...(c['types'] as t.Any[]).map((member) => arbitraryAt(member, depth))).map(merged);
    case 'TupleType':
      return fc.tuple(...(c['types'] as t.Any[]).map(inner));
    case 'DictionaryType':
    case 'ClosedRecord':
      return fc
        .array(fc.tuple(inner(c['domain']), inner(c['codomain'])), many)
        .map((entries) => Object.fromEntries(entries as [string, unknown][]));
    case 'Refined':
    case 'RefinementType':
      return arbitraryAt((c['base'] ?? c['type']) as t.Any, depth).filter((value) => codec.is(value));
    case 'FiniteNumber':
    case 'NumberType':
      return aNumber;
    case 'LiteralType':
      return fc.constant(c['value']);
    case 'KeyofType':
      return fc.constantFrom(...Object.keys(c['keys'] as object));
    case 'StringType':
      return aString;
    case 'BooleanType':
      return fc.boolean();
    case 'NullType':
      return fc.constant(null);
    default:
      throw new Error(`no values for a ${c._tag ?? c.name} codec`);
  }
};

/** Values a codec decodes, drawn from its structure: what a random yet well-formed event's data looks like. */
export const arbitraryOf = (codec: t.Any): fc.Arbitrary<unknown> =>
  arbitraryAt(codec, 0).filter((value) => isRight(codec.decode(value)));
