import * as t from 'io-ts';
import type { FindOptions } from '../projections/readStore.ts';
import { withSchema } from './codecSchema.ts';

const PageLimit = withSchema(
  new t.Type<number, string, unknown>(
    'a page size from 1 to 100',
    (u): u is number => typeof u === 'number' && Number.isInteger(u) && u >= 1 && u <= 100,
    (u, c) =>
      typeof u === 'string' && /^\d{1,3}$/.test(u) && Number(u) >= 1 && Number(u) <= 100
        ? t.success(Number(u))
        : t.failure(u, c, 'expected a page size from 1 to 100'),
    String,
  ),
  { type: 'integer', minimum: 1, maximum: 100 },
);

/** `?after=<cursor>&limit=<1..100>` of every collection route; 50 items a page unless asked. */
export const PageQuery = t.partial({ after: t.string, limit: PageLimit });
export type PageQuery = t.TypeOf<typeof PageQuery>;

export const DEFAULT_PAGE_SIZE = 50;

export const findOptionsOf = (query: PageQuery): FindOptions => ({
  limit: query.limit ?? DEFAULT_PAGE_SIZE,
  ...(query.after ? { after: query.after } : {}),
});

/** The documented schema of a page: `{items, next}`. */
export const pageSchema = (item: Record<string, unknown>) => ({
  type: 'object',
  required: ['items', 'next'],
  properties: {
    items: { type: 'array', items: item },
    next: { type: ['string', 'null'], description: 'cursor for ?after=, null on the last page' },
  },
});

/** The documented `?after=` and `?limit=` parameters of every paged route. */
export const pageParameters = [
  { name: 'after', in: 'query' as const, description: 'the `next` cursor of the previous page' },
  {
    name: 'limit',
    in: 'query' as const,
    description: 'page size, 1 to 100 (50)',
    schema: { type: 'integer', minimum: 1, maximum: 100 },
  },
];
