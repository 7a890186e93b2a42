import * as t from 'io-ts';
import { named } from '../namedValue.ts';

/** An object codec that names its fields (`t.type`, `t.partial`). */
type Shaped = t.Mixed & { readonly props: t.Props };

/**
 * An object codec that refuses fields it does not name: in a rule file a misspelt field would
 * otherwise be dropped without a word, and the rule it meant to change would silently stay.
 */
export const closed = <C extends Shaped>(
  codec: C,
): t.Type<t.TypeOf<C>, t.OutputOf<C>, unknown> & { readonly _tag: 'Closed'; readonly type: C } =>
  Object.assign(
    new t.Type<t.TypeOf<C>, t.OutputOf<C>, unknown>(
      codec.name,
      codec.is,
      (u, c) => {
        const decoded = codec.validate(u, c);
        if (decoded._tag === 'Left') return decoded;
        const unknown = Object.keys(u as object).filter((key) => !(key in codec.props));
        if (unknown.length === 0) return decoded;
        const known = Object.keys(codec.props).join(', ');
        return t.failures(
          unknown.map((key) => ({
            value: (u as Record<string, unknown>)[key],
            context: [...c, { key, type: t.never }],
            message: `${key === '' ? 'a field with an empty name' : named(key, 'name')} is not a known field (known: ${known})`,
          })),
        );
      },
      codec.encode,
    ),
    { _tag: 'Closed' as const, type: codec },
  );

/** A record whose every key must pass `key`: io-ts would drop a key that fails, and with it the rule it carries. */
export const closedRecord = <V extends t.Mixed>(
  key: t.Type<string, string, unknown>,
  value: V,
): t.Type<Record<string, t.TypeOf<V>>, Record<string, t.OutputOf<V>>, unknown> & {
  readonly _tag: 'ClosedRecord';
  readonly domain: t.Type<string, string, unknown>;
  readonly codomain: V;
} => {
  const record = t.record(t.string, value);
  const checked = new t.Type<Record<string, t.TypeOf<V>>, Record<string, t.OutputOf<V>>, unknown>(
    record.name,
    record.is,
    (u, c) => {
      const decoded = record.validate(u, c);
      if (decoded._tag === 'Left') return decoded;
      const refused = Object.keys(decoded.right).filter((k) => !key.is(k));
      if (refused.length === 0) return decoded;
      return t.failures(
        refused.map((k) => ({
          value: k,
          context: [...c, { key: k, type: key }],
          message: `expected ${key.name}, got ${JSON.stringify(k)}`,
        })),
      );
    },
    record.encode,
  );
  return Object.assign(checked, { _tag: 'ClosedRecord' as const, domain: key, codomain: value });
};
