import type { Response } from 'express';
import { positionJson } from '../responses.ts';

/**
 * 201 with a new API key, never to be shown again: not cached by anyone on the way, and an
 * Idempotency-Key replay answers the same ids with the key withheld (`null`), so no secret is stored.
 */
export const createdWithKey = (
  res: Response,
  resource: Record<string, unknown>,
  secretField: string,
  position: bigint,
): void => {
  const body = { ...resource, position: positionJson(position) };
  res.locals['idempotencyRecord'] = { ...body, [secretField]: null };
  res.set('Cache-Control', 'no-store');
  res.status(201).json(body);
};
