import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';

/**
 * This process in projection leases: the configured name, or its host, pid and a random suffix, which
 * no other process shares, not even a restart of this one that got the same pid.
 */
export const leaseHolder = (configured: string | undefined): string => configured ?? `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
