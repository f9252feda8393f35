import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';

/**
 * The core's own SQLite files, read the way an investigator would after a crash: straight from
 * disk, with the core gone. Paths follow electron/core/session/account-files.ts.
 */
export function accountDatabase(dataDir: string, kind: 'cache' | 'outbox'): string | null {
  const accounts = join(dataDir, 'accounts');
  if (!existsSync(accounts)) return null;
  for (const folder of readdirSync(accounts)) {
    const file = join(accounts, folder, `${kind}.sqlite`);
    if (existsSync(file)) return file;
  }
  return null;
}

/** Opens a file the core left (running WAL recovery, as the next start would), reads, closes. */
export function readDatabase<T>(file: string, read: (db: Database.Database) => T): T {
  const db = new Database(file);
  try {
    return read(db);
  } finally {
    db.close();
  }
}

/** `PRAGMA integrity_check`'s findings: an empty list for a sound file. */
export function integrityProblems(db: Database.Database): string[] {
  const rows = db.pragma('integrity_check') as { integrity_check: string }[];
  return rows.map((r) => r.integrity_check).filter((line) => line !== 'ok');
}

/**
 * A checksum over (kind, id, version) of every listing, user and report. The cache and the
 * platform keep these three under the same table and column names, so one query serves both:
 * equal checksums mean the same records at the same versions, nothing missing, nothing extra.
 */
export function replicaChecksum(db: Database.Database): { rows: number; checksum: string } {
  const hash = createHash('sha256');
  let rows = 0;
  const statement = db.prepare(`
    SELECT 'listing' AS kind, id, version FROM listings
    UNION ALL SELECT 'user', id, version FROM users
    UNION ALL SELECT 'report', id, version FROM reports
    ORDER BY kind, id`);
  for (const row of statement.iterate() as Iterable<{ kind: string; id: string; version: number }>) {
    hash.update(`${row.kind}|${row.id}|${row.version}\n`);
    rows += 1;
  }
  return { rows, checksum: hash.digest('hex') };
}
