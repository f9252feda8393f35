import { existsSync, renameSync } from 'node:fs';

/**
 * Moves a damaged cache out of the way, with its WAL and shared-memory companions, to
 * `cache.damaged-<UTC timestamp>.sqlite` beside it: support may want to look at it, and a new
 * cache needs the name. Returns where it went (null when there was no file).
 */
export function setDamagedCacheAside(file: string, at: Date): string | null {
  if (!existsSync(file)) return null;
  const stamp = at.toISOString().replace(/[:.]/g, '-');
  const aside = file.replace(/\.sqlite$/, `.damaged-${stamp}.sqlite`);
  for (const suffix of ['', '-wal', '-shm']) {
    if (existsSync(`${file}${suffix}`)) renameSync(`${file}${suffix}`, `${aside}${suffix}`);
  }
  return aside;
}
