import { readDatabase, replicaChecksum } from './desk-databases';

/**
 * Checksums over (kind, id, version) of every listing, user and report, read straight from the
 * SQLite files: equal checksums mean the console's cache holds exactly the platform's records at
 * the platform's versions — nothing missing, nothing stale, nothing duplicated.
 */
export interface TableChecksum {
  rows: number;
  checksum: string;
  counts: { listings: number; users: number; reports: number };
}

function checksumOf(file: string): TableChecksum {
  return readDatabase(file, (db) => {
    const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    return { ...replicaChecksum(db), counts: { listings: count('listings'), users: count('users'), reports: count('reports') } };
  });
}

/** The core's cache file (accounts/<id>/cache.sqlite). */
export const cacheChecksum = (cacheDbFile: string): TableChecksum => checksumOf(cacheDbFile);

/** The sandbox's database file (<dataDir>/platform.sqlite); safe to read while the sandbox runs (WAL). */
export const platformChecksum = (platformDbFile: string): TableChecksum => checksumOf(platformDbFile);
