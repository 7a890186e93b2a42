import * as t from 'io-ts';
import { PageQuery } from '../pageQuery.ts';

/** `?after=&limit=` of every list, plus `?status=` to see only active or only revoked keys. */
export const ApiKeysQuery = t.intersection([
  PageQuery,
  t.partial({ status: t.keyof({ active: null, revoked: null }, 'active or revoked') }),
]);
