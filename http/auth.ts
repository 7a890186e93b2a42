import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { UnauthorizedError } from '../domain/errors.ts';
import { setCaller, type Caller } from './caller.ts';

/** Turns a presented API key into its caller, or undefined when the key is unknown or revoked. */
export type ApiKeyVerifier = (key: string) => Promise<Caller | undefined>;

const bearer = (header: string | undefined): string => {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  if (!match) throw new UnauthorizedError('AUTH.MISSING', 'This route needs an API key: Authorization: Bearer <key>.');
  return match[1]!;
};

/** Every route after it needs a valid API key; the caller it proves is available through `callerOf`. */
export const authenticate =
  (verify: ApiKeyVerifier): RequestHandler =>
  async (req, _res, next) => {
    try {
      const caller = await verify(bearer(req.headers.authorization));
      if (!caller) throw new UnauthorizedError('AUTH.INVALID_KEY', 'The API key is unknown or has been revoked.');
      setCaller(req, caller);
      next();
    } catch (error) {
      next(error);
    }
  };

const digest = (value: string) => createHash('sha256').update(value).digest();

/** The platform admin token, compared in constant time. */
export const requireAdminToken =
  (adminToken: string): RequestHandler =>
  (req, _res, next) => {
    try {
      const presented = bearer(req.headers.authorization);
      if (!timingSafeEqual(digest(presented), digest(adminToken)))
        throw new UnauthorizedError('AUTH.INVALID_ADMIN_TOKEN', 'This route needs the platform admin token.');
      next();
    } catch (error) {
      next(error);
    }
  };
