import { afterAll, describe, expect, it } from 'vitest';
import { flagKinds, queueKinds } from '../../../shared/ipc/moderation-views';
import { seededRandom } from '../../../shared/moderation/duplicates/synthetic-listings';
import type { Change } from '../../../shared/platform/changes';
import { reportReasons, type Listing } from '../../../shared/platform/entities';
import { openReplica } from '../../../test/fixtures/console-parts';
import { temporaryFolder } from '../../../test/fixtures/folders';
import { runStepsByTurns, SideConnection } from '../storage/side-connection';
import type { SqliteDb } from '../storage/migrations';
import { INDEXES_BUILT_AFTER_FIRST_SYNC } from './first-sync-indexes';
import { parseQueueQuery, queuePage } from './moderation-queue';
import type { Replica } from './replica';

const folders = [temporaryFolder(), temporaryFolder(), temporaryFolder()];
afterAll(() => folders.forEach((f) => f.remove()));

const random = seededRandom(29);
const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
const TEXTS = ['折叠自行车 天河区自提', '加微信 desk2026 详聊 二手空调', '整租一房一厅 近地铁', '先付定金再看房 海珠区'];

/** One feed's worth of listings and reports, the same for every cache that takes it. */
const feed: Change[] = [];
for (let n = 0; n < 300; n += 1) {
  const id = `lst_${String(n).padStart(4, '0')}`;
  const listing: Listing = {
    id, sellerId: `usr_${n % 7}`, category: pick(['second_hand', 'housing', 'jobs'] as const), title: pick(TEXTS), body: pick(TEXTS),
    priceFen: pick([5_000, 30_000, 31_000, 32_000, null]), priceUnit: 'item', city: '广州市', district: pick(['天河区', '海珠区', '番禺区']),
    contactPhoneMasked: '135****7162', images: [], status: pick(['pending', 'pending', 'published', 'rejected'] as const), escalated: random() < 0.1,
    displayUntil: '2026-12-30', version: 1,
    createdAt: `2026-11-${10 + Math.floor(random() * 10)}T0${Math.floor(random() * 10)}:00:00.000Z`, updatedAt: '2026-11-20T02:00:00.000Z',
  };
  feed.push({ entityType: 'listing', id, version: 1, op: 'upsert', record: listing });
  if (random() < 0.2) {
    const report = { id: `rpt_${n}`, listingId: id, reporterId: 'usr_9', reason: pick(reportReasons), note: '', createdAt: '2026-11-20T03:00:00.000Z', version: 1 };
    feed.push({ entityType: 'report', id: report.id, version: 1, op: 'upsert', record: report });
  }
}

function synced(folder: string, deferred: boolean): { db: SqliteDb; replica: Replica } {
  const opened = openReplica(folder);
  if (deferred) opened.replica.deferIndexesForFirstSync();
  for (let at = 0; at < feed.length; at += 100) opened.replica.commitPage(feed.slice(at, at + 100), [], `c${at}`, new Date('2026-11-21T00:00:00Z'));
  opened.replica.flags.refreshPriceFlags();
  return opened;
}

const indexSql = (db: SqliteDb) => db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name").all();
const present = (db: SqliteDb, name: string) => db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = ?").pluck().get(name) === 1;

/** Every queue, place, flag, sort and a search of each length, page by page. */
function everyPage(db: SqliteDb): unknown[] {
  const context = { now: new Date('2026-11-21T12:00:00Z'), staffId: '', undecided: [] };
  const pages: unknown[] = [];
  for (const queue of queueKinds) {
    for (const place of [{}, { category: 'housing' }, { district: '海珠区' }, { category: 'second_hand', district: '天河区' }]) {
      for (const flag of [undefined, ...flagKinds]) {
        for (const sort of ['oldest', 'newest', 'most_reported', 'price_low'] as const) {
          for (const search of [undefined, '空调', '近地铁']) {
            pages.push(queuePage(db, parseQueueQuery({ queue, ...place, flag, sort, search, limit: 9 } as never), context));
          }
        }
      }
    }
  }
  return pages;
}

describe('the indexes a first sync builds at its end', () => {
  const full = synced(folders[0]!.path, false);
  const first = synced(folders[1]!.path, true);

  it('are left out of a cache filled from empty, and recorded', () => {
    for (const name of INDEXES_BUILT_AFTER_FIRST_SYNC) {
      expect(present(full.db, name), name).toBe(true);
      expect(present(first.db, name), name).toBe(false);
    }
    expect(first.replica.deferredIndexBuilds()).toHaveLength(INDEXES_BUILT_AFTER_FIRST_SYNC.length);
  });

  it('leave every queue page as it is with them, none named where a query insists on an index', () => {
    const pages = everyPage(first.db);
    // Not a comparison of empty pages.
    expect(pages.filter((p) => (p as { rows: unknown[] }).rows.length > 0).length).toBeGreaterThan(pages.length / 4);
    expect(pages).toEqual(everyPage(full.db));
  });

  it('are built as the migrations define them, then crossed off, and the pages are the same', async () => {
    await runStepsByTurns(first.db, first.replica.deferredIndexBuilds());
    expect(indexSql(first.db)).toEqual(indexSql(full.db));
    expect(first.replica.deferredIndexBuilds()).toEqual([]);
    expect(everyPage(first.db)).toEqual(everyPage(full.db));
    // Building again (a run cut short after the build, before crossing off) is harmless.
    expect(() => first.db.exec(`CREATE INDEX IF NOT EXISTS ${INDEXES_BUILT_AFTER_FIRST_SYNC[0]} ON listings (id)`)).not.toThrow();
  });

  it('are not left out of a cache that already holds listings', () => {
    full.replica.deferIndexesForFirstSync();
    expect(full.replica.deferredIndexBuilds()).toEqual([]);
    for (const name of INDEXES_BUILT_AFTER_FIRST_SYNC) expect(present(full.db, name), name).toBe(true);
  });

  it('are built in the side connection\'s worker, which the core reads beside', async () => {
    const { db, replica } = synced(folders[2]!.path, true);
    const side = new SideConnection(db, () => undefined);
    try {
      const building = side.write(replica.deferredIndexBuilds());
      // The core's thread is free meanwhile, and reads the cache as it was.
      expect(db.prepare('SELECT count(*) FROM listings').pluck().get()).toBe(300);
      await building;
      expect(replica.deferredIndexBuilds()).toEqual([]);
      expect(indexSql(db)).toEqual(indexSql(full.db));
    } finally {
      side.close();
    }
  });
});
