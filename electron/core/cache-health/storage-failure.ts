import { DeskFailure } from '../errors';

/** better-sqlite3's error carries SQLite's extended result code as text (SQLITE_FULL, SQLITE_CORRUPT_INDEX…). */
const sqliteCode = (error: unknown): string | null => {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : null;
};

/**
 * Turns a storage failure into what happened in the staff member's words: the disk is full, or
 * the cache file is damaged. Anything else is not a storage fault and stays as it was (null).
 */
export function storageFailure(error: unknown): DeskFailure | null {
  if (error instanceof DeskFailure) return error.code === 'disk_full' || error.code === 'cache_unreadable' ? error : null;
  const code = sqliteCode(error);
  if (code === null) return null;
  // SQLite reports ENOSPC as SQLITE_FULL too, so one code covers the real disk and the simulated one.
  if (code === 'SQLITE_FULL') {
    return new DeskFailure('disk_full', `the disk is full: the console could not write its local files (${(error as Error).message})`);
  }
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') {
    return new DeskFailure('cache_unreadable', `a local database file is damaged (${(error as Error).message}); the cache can be rebuilt from the platform`);
  }
  return null;
}
