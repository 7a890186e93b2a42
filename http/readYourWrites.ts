import type { Request, RequestHandler, Response } from 'express';
import { ValidationError } from '../domain/errors.ts';
import { lastWrites as newLastWrites, type LastWrites } from './lastWrites.ts';

export type ReadYourWritesOptions = {
  /** Resolves true once every read model has reached `position`, false after the bound. */
  readonly waitFor: (position: bigint, options?: { timeoutMs?: number }) => Promise<boolean>;
  /** The proven caller a request speaks for (an API key, the admin), or undefined for anyone else. */
  readonly callerOf: (req: Request) => Promise<string | undefined>;
  readonly lastWrites?: LastWrites;
  readonly timeoutMs?: number;
};

const POSITION = /^\d{1,20}$/;
const WRITTEN = new Set([200, 201, 202]);

const minPositionOf = (req: Request): bigint | undefined => {
  const raw = req.query['minPosition'];
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string' || !POSITION.test(raw))
    throw new ValidationError('QUERY.INVALID_MIN_POSITION', 'minPosition must be a global position (digits).', [
      { path: 'minPosition', message: 'expected digits' },
    ]);
  return BigInt(raw);
};

/** Remembers the position a command answered, before the answer leaves, so the caller's next GET sees it. */
const recordWrites = (res: Response, caller: string, lastWrites: LastWrites): void => {
  const json = res.json.bind(res);
  res.json = (body?: unknown) => {
    const position = (body as { position?: unknown } | null | undefined)?.position;
    if (WRITTEN.has(res.statusCode) && typeof position === 'string' && POSITION.test(position))
      lastWrites.record(caller, BigInt(position));
    return json(body);
  };
};

/**
 * Every GET waits (bounded) until the read models have reached both `?minPosition=` and the last
 * position this caller's own writes answered in this process, so a caller reads its own writes
 * without knowing of positions. Past the bound it answers what there is, with `Read-Model-Behind: true`.
 */
export const readYourWrites = (options: ReadYourWritesOptions): RequestHandler => {
  const lastWrites = options.lastWrites ?? newLastWrites();
  const timeoutMs = options.timeoutMs ?? 5000;
  return async (req, res, next) => {
    try {
      const reading = req.method === 'GET';
      const minPosition = reading ? minPositionOf(req) : undefined;
      const caller = await options.callerOf(req);
      if (!reading) {
        if (caller !== undefined) recordWrites(res, caller, lastWrites);
        return next();
      }
      const written = caller === undefined ? undefined : lastWrites.of(caller);
      const target =
        minPosition === undefined || (written !== undefined && written > minPosition) ? written : minPosition;
      if (target !== undefined && !(await options.waitFor(target, { timeoutMs }))) res.set('Read-Model-Behind', 'true');
      next();
    } catch (error) {
      next(error);
    }
  };
};
