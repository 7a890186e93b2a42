import type { Sort } from '../../../projections/readStore.ts';

export type MongoSort = Record<string, 1 | -1>;

/** A sort (or index key) object in key order; a repeated field keeps its first direction, since the first already ordered every tie. */
export const mongoSort = (sort: Sort): MongoSort => {
  const keys: MongoSort = {};
  for (const [field, direction] of sort) if (!Object.hasOwn(keys, field)) keys[field] = direction;
  return keys;
};
