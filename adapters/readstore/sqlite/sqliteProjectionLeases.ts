import Database from 'better-sqlite3';
import type { Lease, ProjectionLeases } from '../../../projections/projectionLeases.ts';

type LeaseRow = { holder: string | null; expires_at: number };

/**
 * Projection leases in a `readstore_leases` table of the read store's own database, so engine
 * processes sharing one data directory also run each projection once. A released lease keeps its
 * row with no holder.
 */
export const sqliteProjectionLeases = (db: Database.Database): ProjectionLeases => {
  db.exec(
    'CREATE TABLE IF NOT EXISTS readstore_leases (projection TEXT PRIMARY KEY, holder TEXT, expires_at INTEGER NOT NULL)',
  );
  const take = db.prepare(`
    INSERT INTO readstore_leases (projection, holder, expires_at) VALUES (@projection, @holder, @expiresAt)
    ON CONFLICT (projection) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
    WHERE holder IS NULL OR holder = excluded.holder OR expires_at <= @now`);
  const read = db.prepare('SELECT holder, expires_at FROM readstore_leases WHERE projection = ?');
  const free = db.prepare('UPDATE readstore_leases SET holder = NULL WHERE projection = ? AND holder = ?');

  // Immediate, so two processes never both read before either writes.
  const acquire = db.transaction((projection: string, holder: string, now: number, expiresAt: number): Lease | null => {
    take.run({ projection, holder, expiresAt, now });
    const row = read.get(projection) as LeaseRow | undefined;
    return row?.holder ? { projection, holder: row.holder, expiresAt: new Date(row.expires_at) } : null;
  });

  return {
    acquire: async (projection, holder, now, ttlMs) =>
      acquire.immediate(projection, holder, now.getTime(), now.getTime() + ttlMs),
    release: async (projection, holder) => void free.run(projection, holder),
  };
};

/**
 * Leases in a small database file of their own: a renewal never waits on the read store's writer
 * thread, which holds that database's write lock for as long as a projection batch takes to commit.
 */
export const openSqliteProjectionLeases = (path: string): ProjectionLeases & { close(): void } => {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 10000');
  return { ...sqliteProjectionLeases(db), close: () => db.close() };
};
