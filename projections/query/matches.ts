import type { FieldCondition, Filter, Scalar } from '../readStore.ts';
import { fieldValue } from './fieldValue.ts';

type Kind = 'null' | 'number' | 'string' | 'boolean' | 'other';

const kindOf = (value: unknown): Kind =>
  value === null || value === undefined
    ? 'null'
    : typeof value === 'number'
      ? 'number'
      : typeof value === 'string'
        ? 'string'
        : typeof value === 'boolean'
          ? 'boolean'
          : 'other';

const equal = (value: unknown, operand: Scalar): boolean =>
  operand === null ? value === null || value === undefined : value === operand;

/** MongoDB's type bracketing: a range operator only matches values of the operand's own type. */
const compare = (
  value: unknown,
  operand: Scalar,
  accept: (order: number) => boolean,
  orEqualNull: boolean,
): boolean => {
  if (operand === null) return orEqualNull && (value === null || value === undefined);
  if (kindOf(value) !== kindOf(operand)) return false;
  const a = value as string | number | boolean;
  return accept(a < operand ? -1 : a > operand ? 1 : 0);
};

const conditionHolds = (value: unknown, condition: FieldCondition): boolean => {
  if (condition === null || typeof condition !== 'object') return equal(value, condition);
  return Object.entries(condition).every(([op, operand]) => {
    switch (op) {
      case '$eq':
        return equal(value, operand as Scalar);
      case '$ne':
        return !equal(value, operand as Scalar);
      case '$in':
        return (operand as Scalar[]).some((o) => equal(value, o));
      case '$gt':
        return compare(value, operand as Scalar, (o) => o > 0, false);
      case '$gte':
        return compare(value, operand as Scalar, (o) => o >= 0, true);
      case '$lt':
        return compare(value, operand as Scalar, (o) => o < 0, false);
      case '$lte':
        return compare(value, operand as Scalar, (o) => o <= 0, true);
      case '$exists':
        return (value !== undefined) === operand;
      default:
        return false;
    }
  });
};

/** The reference meaning of a filter, as MongoDB reads it for scalar fields; every adapter agrees with it. */
export const matches = (doc: unknown, filter: Filter): boolean =>
  Object.entries(filter).every(([key, condition]) => {
    if (key === '$and') return (condition as Filter[]).every((f) => matches(doc, f));
    if (key === '$or') return (condition as Filter[]).some((f) => matches(doc, f));
    return conditionHolds(fieldValue(doc, key), condition as FieldCondition);
  });
