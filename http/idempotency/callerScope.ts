import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';
import type { ApiKeyVerifier } from '../auth.ts';
import { callerOf, hasCaller, setCaller } from '../caller.ts';

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * Whose Idempotency-Keys a request uses: its company (proving the API key once, for the routes after
 * it too) or the platform for the admin token; undefined for a caller the routes will refuse anyway.
 */
export const callerScope =
  (adminToken: string, verifyApiKey: ApiKeyVerifier) =>
  async (req: Request): Promise<{ scope: string; actor: string } | undefined> => {
    if (hasCaller(req)) return { scope: callerOf(req).companyId, actor: callerOf(req).actor };
    const token = /^Bearer\s+(\S+)\s*$/i.exec(req.get('authorization') ?? '')?.[1];
    if (!token) return undefined;
    if (timingSafeEqual(digest(token), digest(adminToken))) return { scope: 'platform', actor: 'admin' };
    const caller = await verifyApiKey(token);
    if (!caller) return undefined;
    setCaller(req, caller);
    return { scope: caller.companyId, actor: caller.actor };
  };
