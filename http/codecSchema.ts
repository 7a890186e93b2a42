import type * as t from 'io-ts';

export type JsonSchema = { readonly [keyword: string]: unknown };

const documented = Symbol('jsonSchema');

/** Any JSON value, typed: an untyped schema would say nothing to a reader or a generated client. */
const anyJson: JsonSchema = { type: ['object', 'array', 'string', 'number', 'boolean', 'null'] };

/** A hand-made codec (a `new t.Type`) with the JSON Schema of what it takes, since no walk can see inside its functions. */
export const withSchema = <C extends t.Any>(codec: C, schema: JsonSchema): C =>
  Object.assign(codec, { [documented]: schema });

/** io-ts types expose a `_tag` at run time; the static types do not promise it, so it is read defensively. */
type Tagged = t.Any & { readonly _tag?: string; readonly [field: string | symbol]: unknown };

const acceptsUndefined = (codec: Tagged): boolean =>
  codec._tag === 'UndefinedType' ||
  codec._tag === 'VoidType' ||
  (codec._tag === 'UnionType' && (codec.types as Tagged[]).some(acceptsUndefined));

const object = (props: Record<string, Tagged>, allOptional: boolean): JsonSchema => {
  const required = allOptional ? [] : Object.keys(props).filter((key) => !acceptsUndefined(props[key]!));
  return {
    type: 'object',
    properties: Object.fromEntries(Object.entries(props).map(([key, codec]) => [key, codecSchema(codec)])),
    ...(required.length > 0 ? { required } : {}),
  };
};

/**
 * The JSON Schema (2020-12, as OpenAPI 3.1 uses) of an io-ts codec, so a route documents the very
 * codec that decodes its body. Refinements and brands document their base type; unknown custom
 * types document only their name.
 */
export const codecSchema = (codec: t.Any, depth = 0): JsonSchema => {
  const c = codec as Tagged;
  if (depth > 32) return anyJson;
  const inner = (of: unknown) => codecSchema(of as t.Any, depth + 1);
  switch (c._tag) {
    case 'StringType':
      return { type: 'string' };
    case 'NumberType':
      return { type: 'number' };
    case 'BigIntType':
      return { type: 'string', pattern: '^-?\\d+$' };
    case 'BooleanType':
      return { type: 'boolean' };
    case 'NullType':
      return { type: 'null' };
    case 'LiteralType':
      return { const: c.value };
    case 'KeyofType':
      return { enum: Object.keys(c.keys as object) };
    case 'UnionType': {
      const members = (c.types as Tagged[]).filter((m) => m._tag !== 'UndefinedType' && m._tag !== 'VoidType');
      if (members.length > 0 && members.every((m) => m._tag === 'LiteralType'))
        return { enum: members.map((m) => m.value) };
      return members.length === 1 ? inner(members[0]) : { anyOf: members.map(inner) };
    }
    case 'IntersectionType':
      return { allOf: (c.types as Tagged[]).map(inner) };
    case 'InterfaceType':
      return object(c.props as Record<string, Tagged>, false);
    case 'PartialType':
      return object(c.props as Record<string, Tagged>, true);
    case 'ExactType':
    case 'ReadonlyType':
      return inner(c.type);
    case 'Closed':
      return { ...inner(c.type), additionalProperties: false };
    case 'StrictType':
      return object(c.props as Record<string, Tagged>, false);
    case 'ArrayType':
    case 'ReadonlyArrayType':
      return { type: 'array', items: inner(c.type) };
    case 'TupleType':
      return {
        type: 'array',
        prefixItems: (c.types as Tagged[]).map(inner),
        minItems: (c.types as Tagged[]).length,
        maxItems: (c.types as Tagged[]).length,
      };
    case 'DictionaryType':
      return { type: 'object', additionalProperties: inner(c.codomain) };
    case 'RefinementType':
      return c.name === 'Int' ? { type: 'integer' } : inner(c.type);
    case 'Refined':
      return { ...inner(c.base), description: c.name };
    case 'FiniteNumber':
      return { type: 'number' };
    case 'ClosedRecord':
      return { type: 'object', additionalProperties: inner(c.codomain) };
    case 'UnknownType':
    case 'AnyType':
    case 'UndefinedType':
    case 'VoidType':
      return anyJson;
    default:
      return documented in c ? { ...(c[documented] as JsonSchema), description: c.name } : { description: c.name };
  }
};
