import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { temporaryFolder } from '../../../../test/fixtures/folders';
import { openMigrated } from '../../storage/migrations';
import { cacheMigrations } from '.';

const folder = temporaryFolder();
afterAll(() => folder.remove());

describe('cache migration 012', () => {
  it('lets a search count its pending matches by seeking each in the pending index, never reading the listing', () => {
    const db = openMigrated(join(folder.path, 'c.sqlite'), cacheMigrations.slice(0, 12), 'cache');
    const plan = db.prepare(`EXPLAIN QUERY PLAN SELECT count(*) FROM listings_fts m JOIN listings l INDEXED BY listings_pending_by_rowid ON l.rowid = m.rowid
      WHERE m.listings_fts MATCH '"单间出租"' AND l.status = 'pending' AND l.escalated = 0`).all() as { detail: string }[];
    expect(plan.map((step) => step.detail)).toEqual([
      expect.stringContaining('SCAN m VIRTUAL TABLE'),
      'SEARCH l USING COVERING INDEX listings_pending_by_rowid (escalated=? AND rowid=?)',
    ]);
    db.close();
  });
});
