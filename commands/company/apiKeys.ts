import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * API keys read `oek_<companyId>_<keyId>_<secret>`: the company and key ids let the engine find the
 * key's hash in the company's own stream, and only a SHA-256 of the 256-bit secret is ever stored.
 */
const KEY = /^oek_([0-9a-f-]{36})_([0-9a-f-]{36})_([A-Za-z0-9_-]{43})$/;

export const hashSecret = (secret: string): string => createHash('sha256').update(secret).digest('hex');

/** A new key for a company: the key to show once, and the hash to keep. */
export const newApiKey = (companyId: string, keyId: string, random: (size: number) => Buffer = randomBytes) => {
  const secret = random(32).toString('base64url');
  return { key: `oek_${companyId}_${keyId}_${secret}`, secretHash: hashSecret(secret) };
};

export const parseApiKey = (key: string): { companyId: string; keyId: string; secret: string } | undefined => {
  const match = KEY.exec(key);
  return match ? { companyId: match[1]!, keyId: match[2]!, secret: match[3]! } : undefined;
};

/** Compares a presented secret with a stored hash in constant time. */
export const secretMatches = (secret: string, secretHash: string): boolean => {
  const presented = Buffer.from(hashSecret(secret), 'hex');
  const stored = Buffer.from(secretHash, 'hex');
  return presented.length === stored.length && timingSafeEqual(presented, stored);
};
