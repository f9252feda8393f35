import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Listing } from '../../../shared/platform/entities';
import { openReplica } from '../../../test/fixtures/console-parts';
import { feedListing, feedPage, upsertOf } from '../../../test/fixtures/feed-pages';
import { temporaryFolder } from '../../../test/fixtures/folders';

const folder = temporaryFolder();
afterAll(() => folder.remove());

const listing = feedListing;
const upsert = upsertOf;
const page = (ids: string[], cursor: string) => feedPage(ids, cursor);

describe('a feed page written in slices', () => {
  const { db, replica } = openReplica(folder.path);
  const count = () => (db.prepare('SELECT count(*) AS n FROM listings').get() as { n: number }).n;

  it('applies a slice at a time and lands with its cursor only at finish', () => {
    const write = replica.beginPage(page(['lst_1', 'lst_2', 'lst_3'], 'c1'));
    // A zero budget still applies one change per slice, so a slow machine always makes progress.
    expect(write.applySlice(0)).toBe(false);
    expect(write.applySlice(0)).toBe(false);
    expect(write.applySlice(0)).toBe(true);
    expect(replica.syncState().cursor).toBeNull();
    write.finish();
    expect(replica.syncState().cursor).toBe('c1');
    expect(count()).toBe(3);
  });

  it('leaves nothing of an abandoned page (a sign-out between slices), cursor where it was', () => {
    const write = replica.beginPage(page(['lst_4', 'lst_5'], 'c2'));
    write.applySlice(0);
    write.abandon();
    expect(count()).toBe(3);
    expect(replica.syncState().cursor).toBe('c1');
    expect(db.inTransaction).toBe(false);
  });

  it('takes a write made between its slices along with it', () => {
    const write = replica.beginPage(page(['lst_6', 'lst_7'], 'c3'));
    write.applySlice(0);
    // A decision's answer arriving on a turn between two slices.
    replica.applyListing(listing('lst_1', 5));
    write.applySlice(Infinity);
    write.finish();
    expect(replica.listing('lst_1')?.version).toBe(5);
    expect(count()).toBe(5);
  });

  it('keeps a finished page open for the next ones when asked, and commits them together, each cursor with its page', () => {
    const reader = new Database(join(folder.path, 'cache.sqlite'), { readonly: true });
    const seen = () => (reader.prepare('SELECT count(*) AS n FROM listings').get() as { n: number }).n;
    const before = count();
    const first = replica.beginPage(page(['lst_10', 'lst_11'], 'c10'));
    first.applySlice(Infinity);
    first.finish({ keepOpen: true });
    expect(replica.pagesPending).toBe(true);
    expect(replica.syncState().cursor).toBe('c10');
    const second = replica.beginPage(page(['lst_12'], 'c11'));
    second.applySlice(Infinity);
    second.finish({ keepOpen: true });
    // Another connection (the side connection, a restart after a crash) sees none of it yet.
    expect(seen()).toBe(before);
    replica.commitPages();
    expect(replica.pagesPending).toBe(false);
    expect(seen()).toBe(before + 3);
    expect(reader.prepare('SELECT cursor FROM sync_state').pluck().get()).toBe('c11');
    // A page that fails takes the open pages before it along: the cursor is back at the last commit.
    replica.beginPage(page(['lst_13'], 'c12')).finish({ keepOpen: true });
    const bad = replica.beginPage({ ...page([], 'c13'), changes: [upsert({ ...listing('lst_y'), title: null } as unknown as Listing)] });
    expect(() => bad.applySlice(Infinity)).toThrow();
    expect(replica.pagesPending).toBe(false);
    expect(replica.syncState().cursor).toBe('c11');
    expect(replica.listing('lst_13')).toBeUndefined();
    reader.close();
  });

  it('rolls back and reports a change that fails to apply, and the next page can begin', () => {
    const bad = { ...page(['lst_8'], 'c4'), changes: [upsert(listing('lst_8')), upsert({ ...listing('lst_x'), title: null } as unknown as Listing)] };
    const write = replica.beginPage(bad);
    expect(() => write.applySlice(Infinity)).toThrow();
    expect(db.inTransaction).toBe(false);
    expect(replica.listing('lst_8')).toBeUndefined();
    replica.commitPage([upsert(listing('lst_9'))], [], 'c5', new Date());
    expect(replica.syncState().cursor).toBe('c5');
  });
});
