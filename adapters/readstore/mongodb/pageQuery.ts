import type { Document } from 'mongodb';
import type { Doc, Filter, FindOptions, Page, Sort } from '../../../projections/readStore.ts';
import { validateQuery } from '../../../projections/query/validateFilter.ts';
import { decodeCursor, encodeCursor, fullSort, keysetFilter } from '../../../projections/query/keyset.ts';
import { mongoFilter } from './mongoFilter.ts';
import { mongoSort, type MongoSort } from './mongoSort.ts';

const DEFAULT_LIMIT = 100;

/** Everything `find` sends to MongoDB for one page. */
export type PageQuery = {
  readonly filter: Document;
  readonly sort: MongoSort;
  /** One more than the page size: the extra document only tells whether a next page exists. */
  readonly fetch: number;
  readonly pageSize: number;
  readonly keys: Sort;
};

/** Validates the query and builds it; the cursor becomes a keyset filter beside the caller's filter. */
export const pageQuery = (filter: Filter, options: FindOptions = {}): PageQuery => {
  validateQuery(filter, options);
  const keys = fullSort(options.sort);
  const pageSize = options.limit ?? DEFAULT_LIMIT;
  const where = options.after ? { $and: [filter, keysetFilter(keys, decodeCursor(options.after, keys))] } : filter;
  return { filter: mongoFilter(where), sort: mongoSort(keys), fetch: pageSize + 1, pageSize, keys };
};

export const toPage = (docs: readonly Doc[], query: PageQuery): Page => {
  const items = docs.slice(0, query.pageSize);
  return { items, next: docs.length > query.pageSize ? encodeCursor(items[items.length - 1]!, query.keys) : null };
};
