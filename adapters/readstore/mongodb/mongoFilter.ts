import type { Document } from 'mongodb';
import type { Filter } from '../../../projections/readStore.ts';

const isEmptyCondition = (condition: unknown): boolean =>
  typeof condition === 'object' &&
  condition !== null &&
  !Array.isArray(condition) &&
  Object.keys(condition).length === 0;

/**
 * A validated filter as MongoDB runs it: the subset is MongoDB's own language, except that `{field: {}}`
 * means "no condition" in the subset but "equals an empty document" to MongoDB, so it is left out.
 */
export const mongoFilter = (filter: Filter): Document =>
  Object.fromEntries(
    Object.entries(filter).flatMap(([key, condition]): [string, unknown][] => {
      if (key === '$and' || key === '$or') return [[key, (condition as readonly Filter[]).map(mongoFilter)]];
      return isEmptyCondition(condition) ? [] : [[key, condition]];
    }),
  );
