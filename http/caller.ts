import type { Request } from 'express';
import { UnauthorizedError } from '../domain/errors.ts';

/** Who is calling: the company an API key belongs to, or the platform admin. */
export type Caller = {
  readonly companyId: string;
  /** Recorded as the actor of every event the request causes: `api-key:<id>` or `admin`. */
  readonly actor: string;
  readonly keyId?: string;
};

const CALLER = Symbol('caller');

export const setCaller = (req: Request, caller: Caller): void => {
  (req as unknown as Record<symbol, Caller>)[CALLER] = caller;
};

/** The authenticated caller of a request; routes behind `authenticate` always have one. */
export const callerOf = (req: Request): Caller => {
  const caller = (req as unknown as Record<symbol, Caller | undefined>)[CALLER];
  if (!caller) throw new UnauthorizedError('AUTH.MISSING', 'This route needs an API key: Authorization: Bearer <key>.');
  return caller;
};

/** Whether an earlier step has already proved the caller. */
export const hasCaller = (req: Request): boolean =>
  (req as unknown as Record<symbol, Caller | undefined>)[CALLER] !== undefined;
