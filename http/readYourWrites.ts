import type { RequestHandler } from 'express';
import { ValidationError } from '../domain/errors.ts';

/**
 * `?minPosition=` on any GET: waits (bounded) until the read models have reached the position a
 * command answered, so a caller reads its own writes. Past the bound it answers what there is and
 * says so in `Read-Model-Behind: true`.
 */
export const readYourWrites =
  (waitFor: (position: bigint, options?: { timeoutMs?: number }) => Promise<boolean>, timeoutMs = 5000): RequestHandler =>
  async (req, res, next) => {
    const raw = req.query['minPosition'];
    if (req.method !== 'GET' || raw === undefined) return next();
    if (typeof raw !== 'string' || !/^\d{1,20}$/.test(raw))
      return next(new ValidationError('QUERY.INVALID_MIN_POSITION', 'minPosition must be a global position (digits).', [{ path: 'minPosition', message: 'expected digits' }]));
    try {
      if (!(await waitFor(BigInt(raw), { timeoutMs }))) res.set('Read-Model-Behind', 'true');
      next();
    } catch (error) {
      next(error);
    }
  };
