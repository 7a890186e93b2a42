import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export type AdminToken = {
  readonly token: string;
  /** The file holding a token the engine made itself; undefined when it came from configuration. */
  readonly file: string | undefined;
  readonly created: boolean;
};

/**
 * The platform admin token: the configured one, or one the embedded default keeps in DATA_DIR,
 * made on first start and readable by its owner only.
 */
export const adminToken = (configured: string | undefined, dataDir: string): AdminToken => {
  if (configured !== undefined) return { token: configured, file: undefined, created: false };
  const file = join(dataDir, 'admin-token');
  if (existsSync(file)) return { token: readFileSync(file, 'utf8').trim(), file, created: false };
  const token = randomBytes(32).toString('base64url');
  writeFileSync(file, `${token}\n`, { mode: 0o600, flag: 'wx' });
  return { token, file, created: true };
};
