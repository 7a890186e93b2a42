import { ValidationError, type ErrorDetail } from '../../domain/errors.ts';
import type { Filter, FindOptions, Scalar } from '../readStore.ts';

/** Dotted paths of plain names only, so a path can be written into SQL and matched by an index. */
export const FIELD_PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z0-9_]+)*$/;

const OPERATORS = new Set(['$eq', '$ne', '$in', '$gt', '$gte', '$lt', '$lte', '$exists']);

const isScalar = (value: unknown): value is Scalar =>
  value === null ||
  typeof value === 'string' ||
  typeof value === 'boolean' ||
  (typeof value === 'number' && Number.isFinite(value));

const checkFilter = (filter: unknown, path: string, problems: ErrorDetail[]): void => {
  if (typeof filter !== 'object' || filter === null || Array.isArray(filter)) {
    problems.push({ path, message: 'expected an object' });
    return;
  }
  for (const [key, condition] of Object.entries(filter)) {
    const at = path ? `${path}.${key}` : key;
    if (key === '$and' || key === '$or') {
      if (!Array.isArray(condition) || condition.length === 0)
        problems.push({ path: at, message: 'expected a non-empty array of filters' });
      else condition.forEach((f, i) => checkFilter(f, `${at}.${i}`, problems));
      continue;
    }
    if (!FIELD_PATH.test(key)) {
      problems.push({ path: at, message: 'unsupported field name or operator' });
      continue;
    }
    if (isScalar(condition)) continue;
    if (typeof condition !== 'object' || condition === null || Array.isArray(condition)) {
      problems.push({ path: at, message: 'expected a scalar or an operator object' });
      continue;
    }
    for (const [op, operand] of Object.entries(condition)) {
      if (!OPERATORS.has(op)) problems.push({ path: `${at}.${op}`, message: 'unsupported operator' });
      else if (op === '$exists') {
        if (typeof operand !== 'boolean') problems.push({ path: `${at}.${op}`, message: 'expected a boolean' });
      } else if (op === '$in') {
        if (!Array.isArray(operand) || !operand.every(isScalar))
          problems.push({ path: `${at}.${op}`, message: 'expected an array of scalars' });
      } else if (!isScalar(operand))
        problems.push({ path: `${at}.${op}`, message: 'expected a string, number, boolean or null' });
    }
  }
};

/** Refuses anything outside the documented subset, naming each offending path. */
export const validateQuery = (filter: Filter, options: FindOptions = {}): void => {
  const problems: ErrorDetail[] = [];
  checkFilter(filter, '', problems);
  options.sort?.forEach(([field, direction], i) => {
    if (!FIELD_PATH.test(field)) problems.push({ path: `sort.${i}`, message: `unsupported field name ${field}` });
    if (direction !== 1 && direction !== -1) problems.push({ path: `sort.${i}`, message: 'direction must be 1 or -1' });
  });
  if (options.limit !== undefined && (!Number.isInteger(options.limit) || options.limit < 1 || options.limit > 10_000))
    problems.push({ path: 'limit', message: 'expected an integer from 1 to 10000' });
  if (problems.length > 0)
    throw new ValidationError('QUERY.INVALID', 'the query is outside the supported filter subset', problems);
};

export { isScalar };
