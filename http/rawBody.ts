import type { IncomingMessage } from 'node:http';
import type { Request } from 'express';

const RAW = Symbol('rawBody');

/** Body parsers' `verify` hook: keeps the bytes as sent, for whatever must hash the exact request. */
export const keepRawBody = (req: IncomingMessage, _res: unknown, buffer: Buffer): void => {
  (req as unknown as Record<symbol, Buffer>)[RAW] = buffer;
};

/** The bytes of the request body as sent (empty when there was none). */
export const rawBodyOf = (req: Request): Buffer =>
  (req as unknown as Record<symbol, Buffer | undefined>)[RAW] ?? Buffer.alloc(0);
