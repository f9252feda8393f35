import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { platformMigrations } from './schema';

export type PlatformDb = Database.Database;

/** Opens (creating if needed) the sandbox platform's database and brings its schema up to date. */
export function openPlatformDatabase(file: string): PlatformDb {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > platformMigrations.length) {
    db.close();
    throw new Error(`platform database ${file} has schema ${current}, newer than this sandbox (${platformMigrations.length})`);
  }
  platformMigrations.slice(current).forEach((sql, i) => {
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${current + i + 1}`);
    })();
  });
  if (readMeta(db, 'feed_epoch') === undefined) {
    // The epoch names this database's feed; a cursor from another epoch means the feed was reset.
    writeMeta(db, 'feed_epoch', randomBytes(8).toString('hex'));
  }
  return db;
}

export function readMeta(db: PlatformDb, key: string): string | undefined {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value;
}

export function writeMeta(db: PlatformDb, key: string, value: string): void {
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
}
