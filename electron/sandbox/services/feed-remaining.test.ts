import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordingPrepares } from '../../../test/fixtures/console-parts';
import { temporaryFolder } from '../../../test/fixtures/sandbox';
import { openPlatformDatabase, type PlatformDb } from '../store/database';
import { countChangesAfter, ROW_WALK_LIMIT } from './feed-remaining';

const folder = temporaryFolder();
let db: PlatformDb;
const VISIBLE = "'listing','report'";

/** Feed rows at the given sequence numbers, every third of a type the counting staff cannot see. */
function addFeed(seqs: number[]) {
  const insert = db.prepare('INSERT INTO feed (seq, entity_type, entity_id, op) VALUES (?, ?, ?, ?)');
  for (const seq of seqs) insert.run(seq, seq % 3 === 0 ? 'rights_ticket' : seq % 3 === 1 ? 'listing' : 'report', `e${seq}`, 'upsert');
}
const truth = (after: number) =>
  (db.prepare(`SELECT count(*) AS n FROM feed WHERE +seq > ? AND entity_type IN (${VISIBLE})`).get(after) as { n: number }).n;

beforeAll(() => {
  db = openPlatformDatabase(join(folder.path, 'platform.sqlite'));
  db.exec('DELETE FROM feed');
  // A run of changes, a gap wider than the row walk, and another run: both ways of counting are used.
  addFeed(Array.from({ length: 40 }, (_, i) => i + 1));
  addFeed(Array.from({ length: 40 }, (_, i) => ROW_WALK_LIMIT + 100 + i));
});
afterAll(() => {
  db.close();
  folder.remove();
});

describe('changes left after a cursor', () => {
  it('are counted for the visible types only, from wherever the cursor is', () => {
    for (const after of [0, 1, 20, 40, ROW_WALK_LIMIT + 99, ROW_WALK_LIMIT + 120, ROW_WALK_LIMIT + 139, ROW_WALK_LIMIT + 500]) {
      expect(countChangesAfter(db, after, VISIBLE), `after ${after}`).toBe(truth(after));
    }
    expect(countChangesAfter(db, 0, VISIBLE)).toBe(27 + 26);
    expect(countChangesAfter(db, ROW_WALK_LIMIT + 500, VISIBLE)).toBe(0);
  });

  it('walk the rows after the cursor when few are left, and take the type index when many are', () => {
    const near = recordingPrepares(db);
    countChangesAfter(near.db, ROW_WALK_LIMIT + 120, VISIBLE);
    expect(near.prepared.filter((sql) => sql.includes('count(*)'))).toEqual([expect.stringContaining('NOT INDEXED')]);
    const far = recordingPrepares(db);
    countChangesAfter(far.db, 20, VISIBLE);
    expect(far.prepared.filter((sql) => sql.includes('count(*)'))).toEqual([expect.not.stringContaining('NOT INDEXED')]);
    // What each way reads, by SQLite's plan: the rowid range, or the (entity_type, entity_id) index.
    const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(0) as { detail: string }[]).map((r) => r.detail).join(' ');
    expect(plan(near.prepared.at(-1)!)).toMatch(/INTEGER PRIMARY KEY \(rowid>\?\)/);
    expect(plan(far.prepared.at(-1)!)).toMatch(/INDEX sqlite_autoindex_feed_1/);
  });
});
