import type { FieldCondition, Filter, Scalar, Sort } from '../../../projections/readStore.ts';

/** A WHERE or ORDER BY fragment with its bound parameters. */
export type SqlFragment = { sql: string; params: (string | number)[] };

/** The column that holds an indexed field's value, kept beside the JSON so indexes never parse it. */
export const keyColumn = (field: string): string => `"key:${field}"`;

const bind = (value: string | number | boolean): string | number =>
  typeof value === 'boolean' ? (value ? 1 : 0) : value;

/**
 * Filters and sorts of the documented subset as SQL over one collection table, where `keyed`
 * lists the fields that have key columns.
 */
export const collectionSql = (keyed: ReadonlySet<string>) => {
  const path = (field: string) => `'$.${field}'`;
  const valueSql = (field: string): string =>
    field === '_id' ? '_id' : keyed.has(field) ? keyColumn(field) : `json_extract(doc, ${path(field)})`;
  const typeSql = (field: string): string => (field === '_id' ? `'text'` : `json_type(doc, ${path(field)})`);

  /**
   * JSON types that compare with the operand: MongoDB never matches a range across types. A key
   * column holds text only for strings, so a string's guard needs no look into the document.
   */
  const typeGuard = (field: string, operand: string | number | boolean): string =>
    typeof operand === 'string' && keyed.has(field)
      ? `typeof(${keyColumn(field)}) = 'text'`
      : typeof operand === 'number'
        ? `${typeSql(field)} IN ('integer', 'real')`
        : typeof operand === 'string'
          ? `${typeSql(field)} = 'text'`
          : `${typeSql(field)} IN ('true', 'false')`;

  const equalSql = (field: string, operand: Scalar): SqlFragment =>
    operand === null
      ? { sql: `coalesce(${typeSql(field)}, 'null') = 'null'`, params: [] }
      : { sql: `(${valueSql(field)} = ? AND ${typeGuard(field, operand)})`, params: [bind(operand)] };

  const rangeSql = (field: string, op: string, operand: Scalar): SqlFragment => {
    if (operand === null) return op === '>=' || op === '<=' ? equalSql(field, null) : { sql: '0', params: [] };
    return { sql: `(${valueSql(field)} ${op} ? AND ${typeGuard(field, operand)})`, params: [bind(operand)] };
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
          return join(
            (operand as Scalar[]).map((o) => equalSql(field, o)),
            'OR',
            '0',
          );
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

  const filterSql = (filter: Filter): SqlFragment =>
    join(
      Object.entries(filter).map(([key, condition]) => {
        if (key === '$and') return join((condition as Filter[]).map(filterSql), 'AND', '1');
        if (key === '$or') return join((condition as Filter[]).map(filterSql), 'OR', '0');
        return conditionSql(key, condition as FieldCondition);
      }),
      'AND',
      '1',
    );

  const orderSql = (sort: Sort): string =>
    sort.map(([field, direction]) => `${valueSql(field)} ${direction === 1 ? 'ASC' : 'DESC'}`).join(', ');

  return { filterSql, orderSql };
};

/**
 * A scalar field's value as SQLite's json_extract would give it, so key columns and JSON agree; no
 * filter compares arrays or objects, so their column stays empty and only strings are ever text.
 */
export const keyValue = (value: unknown): string | number | null =>
  typeof value === 'boolean' ? (value ? 1 : 0) : typeof value === 'number' || typeof value === 'string' ? value : null;

/** The SQL that fills a key column from the documents, as `keyValue` would. */
export const keyValueSql = (field: string): string =>
  `CASE WHEN json_type(doc, '$.${field}') IN ('array', 'object') THEN NULL ELSE json_extract(doc, '$.${field}') END`;
