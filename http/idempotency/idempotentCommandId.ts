import { createHash } from 'node:crypto';
import type { Request } from 'express';

const KEY = Symbol('idempotency');

/** Remembered by the idempotency middleware for the command context: the scope and key of the request. */
export const rememberIdempotency = (req: Request, scope: string, key: string): void => {
  (req as unknown as Record<symbol, string>)[KEY] = createHash('sha256')
    .update(`${scope}\u0000${key}`)
    .digest('hex')
    .slice(0, 32);
};

/** A command id derived from the Idempotency-Key, so a retried request's commands are the same commands. */
export const idempotentCommandId = (req: Request): string | undefined => {
  const hash = (req as unknown as Record<symbol, string | undefined>)[KEY];
  return hash ? `idempotent-${hash}` : undefined;
};
