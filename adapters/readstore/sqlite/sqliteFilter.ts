import type { FieldCondition, Filter, Scalar, Sort } from '../../../projections/readStore.ts';

/** A WHERE or ORDER BY fragment with its bound parameters. */
export type SqlFragment = { sql: string; params: (string | number)[] };

const quotePath = (field: string) => `'$.${field}'`;

/** The same text as in the declared index expressions, so SQLite can use those indexes. */
export const valueSql = (field: string): string => (field === '_id' ? '_id' : `json_extract(doc, ${quotePath(field)})`);
const typeSql = (field: string): string => (field === '_id' ? `'text'` : `json_type(doc, ${quotePath(field)})`);

const bind = (value: string | number | boolean): string | number => (typeof value === 'boolean' ? (value ? 1 : 0) : value);

/** JSON types that compare with the operand: MongoDB never matches a range across types. */
const typeGuard = (field: string, operand: string | number | boolean): string =>
  typeof operand === 'number'
    ? `${typeSql(field)} IN ('integer', 'real')`
    : typeof operand === 'string'
      ? `${typeSql(field)} = 'text'`
      : `${typeSql(field)} IN ('true', 'false')`;

const isNullSql = (field: string) => `coalesce(${typeSql(field)}, 'null') = 'null'`;

const equalSql = (field: string, operand: Scalar): SqlFragment =>
  operand === null
    ? { sql: isNullSql(field), params: [] }
    : { sql: `(${typeGuard(field, operand)} AND ${valueSql(field)} = ?)`, params: [bind(operand)] };

const rangeSql = (field: string, op: string, operand: Scalar): SqlFragment => {
  if (operand === null) return op === '>=' || op === '<=' ? equalSql(field, null) : { sql: '0', params: [] };
  return { sql: `(${typeGuard(field, operand)} AND ${valueSql(field)} ${op} ?)`, params: [bind(operand)] };
};

const join = (parts: SqlFragment[], glue: 'AND' | 'OR', empty: string): SqlFragment =>
  parts.length === 0
    ? { sql: empty, params: [] }
    : { sql: `(${parts.map((p) => p.sql).join(` ${glue} `)})`, params: parts.flatMap((p) => p.params) };

/** A missing field makes a comparison NULL, not false; NOT must still count it as not matching. */
const not = (part: SqlFragment): SqlFragment => ({ sql: `NOT coalesce(${part.sql}, 0)`, params: part.params });

const conditionSql = (field: string, condition: FieldCondition): SqlFragment => {
  if (condition === null || typeof condition !== 'object') return equalSql(field, condition);
  const parts = Object.entries(condition).map(([op, operand]): SqlFragment => {
    switch (op) {
      case '$eq':
        return equalSql(field, operand as Scalar);
      case '$ne':
        return not(equalSql(field, operand as Scalar));
      case '$in':
        return join((operand as Scalar[]).map((o) => equalSql(field, o)), 'OR', '0');
      case '$gt':
        return rangeSql(field, '>', operand as Scalar);
      case '$gte':
        return rangeSql(field, '>=', operand as Scalar);
      case '$lt':
        return rangeSql(field, '<', operand as Scalar);
      case '$lte':
        return rangeSql(field, '<=', operand as Scalar);
      case '$exists':
        return { sql: `${typeSql(field)} IS ${operand ? 'NOT NULL' : 'NULL'}`, params: [] };
      default:
        throw new Error(`unsupported operator ${op}`);
    }
  });
  return join(parts, 'AND', '1');
};

/** Translates a validated filter of the documented subset into SQL over the JSON documents. */
export const filterSql = (filter: Filter): SqlFragment =>
  join(
    Object.entries(filter).map(([key, condition]) => {
      if (key === '$and') return join((condition as Filter[]).map(filterSql), 'AND', '1');
      if (key === '$or') return join((condition as Filter[]).map(filterSql), 'OR', '0');
      return conditionSql(key, condition as FieldCondition);
    }),
    'AND',
    '1',
  );

export const orderSql = (sort: Sort): string =>
  sort.map(([field, direction]) => `${valueSql(field)} ${direction === 1 ? 'ASC' : 'DESC'}`).join(', ');
