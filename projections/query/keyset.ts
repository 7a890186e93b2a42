import { ValidationError } from '../../domain/errors.ts';
import type { Doc, Filter, Scalar, Sort } from '../readStore.ts';
import { fieldValue } from './fieldValue.ts';
import { isScalar } from './validateFilter.ts';

/** The sort every page uses: the caller's keys, then `_id` so that no two documents tie. */
export const fullSort = (sort: Sort = []): Sort =>
  sort.some(([field]) => field === '_id') ? sort : [...sort, ['_id', 1]];

const sortValue = (doc: Doc, field: string): Scalar => {
  const value = fieldValue(doc, field);
  return isScalar(value) ? value : null;
};

export const encodeCursor = (doc: Doc, sort: Sort): string =>
  Buffer.from(JSON.stringify(sort.map(([field]) => sortValue(doc, field)))).toString('base64url');

export const decodeCursor = (cursor: string, sort: Sort): Scalar[] => {
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    values = undefined;
  }
  if (!Array.isArray(values) || values.length !== sort.length || !values.every(isScalar))
    throw new ValidationError('QUERY.BAD_CURSOR', 'the cursor does not belong to this query', [
      { path: 'after', message: 'not a cursor of this query' },
    ]);
  return values;
};

/** Nulls and missing fields sort first ascending and last descending, as in MongoDB and SQLite. */
const strictlyAfter = (field: string, direction: 1 | -1, value: Scalar): Filter | undefined => {
  if (direction === 1) return value === null ? { [field]: { $ne: null } } : { [field]: { $gt: value } };
  if (value === null) return undefined;
  return { $or: [{ [field]: { $lt: value } }, { [field]: null }] };
};

/** Documents strictly after the cursor's position in the sort order, as a filter any adapter runs. */
export const keysetFilter = (sort: Sort, values: readonly Scalar[]): Filter => {
  const branches: Filter[] = [];
  sort.forEach(([field, direction], i) => {
    const after = strictlyAfter(field, direction, values[i]!);
    if (!after) return;
    const ties = sort.slice(0, i).map(([tied], j): Filter => ({ [tied]: values[j]! }));
    branches.push(ties.length === 0 ? after : { $and: [...ties, after] });
  });
  return branches.length === 0 ? { _id: { $exists: false } } : { $or: branches };
};

/** Compares two documents in sort order, for adapters and tests that sort in memory. */
export const compareInSortOrder =
  (sort: Sort) =>
  (a: Doc, b: Doc): number => {
    for (const [field, direction] of sort) {
      const x = sortValue(a, field);
      const y = sortValue(b, field);
      if (x === y) continue;
      if (x === null) return -direction;
      if (y === null) return direction;
      return (x < y ? -1 : 1) * direction;
    }
    return 0;
  };
