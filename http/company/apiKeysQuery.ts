import * as t from 'io-ts';

/** `?limit=` as the query string carries it: digits, 1 to 100. */
const PageLimit = new t.Type<number, string, unknown>(
  'a page size from 1 to 100',
  (u): u is number => typeof u === 'number' && Number.isInteger(u) && u >= 1 && u <= 100,
  (u, c) => {
    const n = typeof u === 'string' && /^\d{1,3}$/.test(u) ? Number(u) : NaN;
    return n >= 1 && n <= 100 ? t.success(n) : t.failure(u, c, 'expected a page size from 1 to 100');
  },
  String,
);

export const ApiKeysQuery = t.partial({
  after: t.string,
  limit: PageLimit,
  status: t.keyof({ active: null, revoked: null }, 'active or revoked'),
});
