import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The key that signs email unsubscribe links: the configured one, or one the engine makes on first
 * start and keeps in DATA_DIR (owner-readable), so links already sent keep working after a restart.
 */
export const unsubscribeSecret = (configured: string | undefined, dataDir: string): string => {
  if (configured !== undefined) return configured;
  const file = join(dataDir, 'unsubscribe-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  return secret;
};
