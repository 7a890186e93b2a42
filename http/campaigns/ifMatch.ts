import type { Request, Response } from 'express';
import { ValidationError } from '../../domain/errors.ts';

/** The revision an `If-Match` header names (`3`, `"3"` or `W/"3"`); absent or `*` expects nothing. */
export const expectedRevisionOf = (req: Request): number | undefined => {
  const header = req.headers['if-match'];
  if (header === undefined || header.trim() === '*') return undefined;
  const match = /^\s*(?:W\/)?"?(\d{1,15})"?\s*$/.exec(header);
  if (!match)
    throw new ValidationError('REQUEST.INVALID_IF_MATCH', 'If-Match must name a campaign revision, such as "3".', [
      { path: 'If-Match', message: 'expected a revision (digits)' },
    ]);
  return Number(match[1]);
};

/** The campaign's revision as its entity tag, for the next If-Match. */
export const setRevisionTag = (res: Response, revision: number): void => {
  res.set('ETag', `"${revision}"`);
};
