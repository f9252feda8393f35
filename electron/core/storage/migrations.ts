import Database from 'better-sqlite3';
import { DeskFailure } from '../errors';

/** One schema step. Files are named NNN-what.ts and each has its own test. */
export interface Migration {
  version: number;
  description: string;
  sql: string;
}

export type SqliteDb = Database.Database;

/**
 * Opens a database file of the console and brings it to the newest schema, one migration per
 * transaction, tracked in `user_version`. A file written by a newer console is refused rather
 * than opened: its meaning is unknown to this version.
 */
export function openMigrated(file: string, migrations: readonly Migration[], label: string): SqliteDb {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`${label} migration ${m.description} is numbered ${m.version}, expected ${i + 1}`);
  });
  let db: SqliteDb | undefined;
  let current: number;
  try {
    db = new Database(file);
    db.pragma('journal_mode = WAL');
    current = db.pragma('user_version', { simple: true }) as number;
  } catch (error) {
    if (db?.open) db.close();
    throw new DeskFailure('cache_unreadable', `${label} at ${file} cannot be read (${(error as Error).message}); it can be rebuilt from the platform`);
  }
  if (current > migrations.length) {
    db.close();
    throw new DeskFailure(
      'cache_newer_version',
      `${label} at ${file} is at schema ${current}, written by a newer Xuntong Desk than this one (knows ${migrations.length})`,
    );
  }
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  for (const migration of migrations.slice(current)) {
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
  return db;
}
