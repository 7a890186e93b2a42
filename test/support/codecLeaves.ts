import type * as t from 'io-ts';

/** A place in a codec that admits a value JSON cannot carry, or that the walk cannot see into. */
export type Breach = { readonly path: string; readonly codec: string; readonly problem: string };

/** io-ts codecs (and the engine's own `refined`, `closed`, `closedRecord`, `FiniteNumber`) carry a `_tag` at run time. */
type Tagged = t.Any & { readonly _tag?: string; readonly [field: string]: unknown };

/** Numbers JSON cannot carry, or cannot carry as they are (-0 reads back as 0). */
const nonFinite: readonly unknown[] = [Infinity, -Infinity, NaN, -0];

/** Values JSON has no form for, and containers that hide one. */
const notJson: readonly unknown[] = [
  undefined,
  () => 1,
  1n,
  Symbol('s'),
  new Date(0),
  new Map(),
  [Infinity],
  { value: Infinity },
  [undefined],
];

const shownValue = (value: unknown): string =>
  Object.is(value, -0)
    ? '-0'
    : typeof value === 'number' ||
        typeof value === 'bigint' ||
        typeof value === 'symbol' ||
        typeof value === 'function' ||
        value === undefined
      ? String(value)
      : value instanceof Date || value instanceof Map
        ? `a ${value.constructor.name}`
        : JSON.stringify(value, (_key, v: unknown) =>
            typeof v === 'number' && !Number.isFinite(v) ? String(v) : v === undefined ? 'undefined' : v,
          );

/** Probes a codec the walk treats as one leaf: it must refuse every number JSON cannot carry and every non-JSON value. */
const probed = (codec: Tagged, path: string, probes: readonly unknown[]): Breach[] =>
  probes
    .filter((value) => codec.decode(value)._tag === 'Right')
    .map((value) => ({ path, codec: codec.name, problem: `admits ${shownValue(value)}` }));

const LEAVES_ADMITTING_ANYTHING = new Set([
  'UnknownType',
  'AnyType',
  'UnknownRecordType',
  'AnyDictionaryType',
  'UnknownArrayType',
  'AnyArrayType',
  'ObjectType',
  'FunctionType',
]);

/**
 * Walks a codec to its leaves and names every place that admits a number that is not finite, or a
 * value JSON cannot carry (undefined alone, functions, bigints, symbols, anything at all). A raw
 * `t.number` is a breach wherever it stands: every number is a `FiniteNumber` (or built on one).
 * A codec the walk cannot see into is probed as a whole.
 */
export const breachesOf = (codec: t.Any, path = '(root)', seen: Set<t.Any> = new Set()): Breach[] => {
  const c = codec as Tagged;
  if (seen.has(codec)) return [];
  const walk = (inner: unknown, at = path) => breachesOf(inner as t.Any, at, new Set([...seen, codec]));
  const breach = (problem: string): Breach[] => [{ path, codec: c.name, problem }];
  switch (c._tag) {
    case 'InterfaceType':
    case 'PartialType':
    case 'StrictType':
      return Object.entries(c['props'] as Record<string, t.Any>).flatMap(([key, prop]) => walk(prop, `${path}.${key}`));
    case 'ExactType':
    case 'ReadonlyType':
    case 'Closed':
    case 'RecursiveType':
      return walk(c['type']);
    case 'ArrayType':
    case 'ReadonlyArrayType':
      return walk(c['type'], `${path}.[]`);
    case 'UnionType':
    case 'IntersectionType':
      return (c['types'] as t.Any[]).flatMap((member) => walk(member));
    case 'TupleType':
      return (c['types'] as t.Any[]).flatMap((member, i) => walk(member, `${path}.${i}`));
    case 'DictionaryType':
    case 'ClosedRecord':
      return [...walk(c['domain'], `${path}.{key}`), ...walk(c['codomain'], `${path}.{value}`)];
    case 'RefinementType':
      return [...probed(c, path, [...nonFinite, ...notJson]), ...walk(c['type'])];
    case 'Refined':
      return [...probed(c, path, [...nonFinite, ...notJson]), ...walk(c['base'])];
    case 'FiniteNumber':
      return probed(c, path, [...nonFinite, ...notJson]);
    case 'NumberType':
      return breach(
        'is a raw t.number, which admits Infinity and NaN: use FiniteNumber or WholeNumber from domain/values.ts',
      );
    case 'LiteralType': {
      const value = c['value'];
      return typeof value === 'number' && !Number.isFinite(value) ? breach(`is the literal ${value}`) : [];
    }
    case 'StringType':
    case 'BooleanType':
    case 'NullType':
    case 'KeyofType':
    case 'NeverType':
      return [];
    case 'UndefinedType':
    case 'VoidType':
      return breach('admits undefined alone, which JSON cannot carry');
    case 'BigIntType':
      return breach('admits bigints, which JSON cannot carry');
    case undefined:
      return probed(c, path, [...nonFinite, ...notJson]);
    default:
      return LEAVES_ADMITTING_ANYTHING.has(c._tag)
        ? breach(`is ${c._tag}, which admits values JSON cannot carry`)
        : breach(`is a ${c._tag} the walk does not know`);
  }
};
