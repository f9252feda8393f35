import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Change, type Change as ChangeType } from '../../shared/platform/changes';
import { call, ok, refused, signIn } from '../../test/fixtures/platform-http';
import { startTestSandbox, temporaryFolder } from '../../test/fixtures/sandbox';
import type { RunningSandbox } from './server';

const folder = temporaryFolder();
let sandbox: RunningSandbox;

beforeAll(async () => {
  sandbox = await startTestSandbox(folder.path);
});
afterAll(async () => {
  await sandbox.close();
  folder.remove();
});

async function readFeed(url: string, token: string, cursor?: string, limit = 100) {
  const changes: ChangeType[] = [];
  let next = cursor;
  for (;;) {
    const page = ok(await call(url, 'listChanges', { query: { cursor: next, limit } }, token));
    changes.push(...page.changes.map((c) => Change.parse(c)));
    next = page.nextCursor;
    if (!page.hasMore) return { changes, cursor: next };
  }
}

const count = (changes: ChangeType[], type: string) => changes.filter((c) => c.entityType === type).length;

describe('change feed', () => {
  it('pages through every entity once, users before the listings that point at them', async () => {
    const { accessToken } = await signIn(sandbox.url, 'mod.chen');
    const { changes } = await readFeed(sandbox.url, accessToken);
    expect(count(changes, 'listing')).toBe(300);
    expect(count(changes, 'report')).toBeGreaterThan(0);
    expect(new Set(changes.map((c) => `${c.entityType}:${c.id}`)).size).toBe(changes.length);
    const userPosition = new Map(changes.map((c, i) => [c.id, i]));
    for (const [i, change] of changes.entries()) {
      if (change.entityType === 'listing') expect(userPosition.get(change.record!.sellerId)).toBeLessThan(i);
    }
    // Only masked phones travel in the feed.
    expect(JSON.stringify(changes)).not.toMatch(/1[3-9]\d{9}/);
  });

  it('shows each role only what its scopes allow', async () => {
    const { accessToken } = await signIn(sandbox.url, 'cs.zhao');
    const { changes } = await readFeed(sandbox.url, accessToken);
    expect(count(changes, 'report')).toBe(0);
    expect(count(changes, 'listing')).toBe(300);
    const dpo = await signIn(sandbox.url, 'dpo.zhou');
    const dpoFeed = await readFeed(sandbox.url, dpo.accessToken);
    expect(count(dpoFeed.changes, 'listing')).toBe(0);
    expect(count(dpoFeed.changes, 'user')).toBeGreaterThan(0);
  });

  it('counts what is left when asked', async () => {
    const { accessToken } = await signIn(sandbox.url, 'mod.chen');
    const all = (await readFeed(sandbox.url, accessToken)).changes.length;
    const first = ok(await call(sandbox.url, 'listChanges', { query: { limit: 50, withRemaining: 'true' } }, accessToken));
    expect(first.remaining).toBe(all - 50);
  });

  it('delivers a later change after the cursor exactly once', async () => {
    const { accessToken } = await signIn(sandbox.url, 'mod.chen');
    const { changes, cursor } = await readFeed(sandbox.url, accessToken);
    const pending = changes.find((c) => c.entityType === 'listing' && c.record!.status === 'pending')!;
    ok(
      await call(sandbox.url, 'decide', {
        body: { idempotencyKey: 'feed-test-0001', listingId: pending.id, action: 'approve', basedOnVersion: pending.version },
      }, accessToken),
    );
    const after = await readFeed(sandbox.url, accessToken, cursor);
    const listingChanges = after.changes.filter((c) => c.entityType === 'listing');
    expect(listingChanges.map((c) => c.id)).toEqual([pending.id]);
    expect(listingChanges[0]).toMatchObject({ version: pending.version + 1, record: { status: 'published' } });
    // The decision itself travels too, so every console knows who decided what.
    expect(after.changes.filter((c) => c.entityType === 'decision')).toEqual([
      expect.objectContaining({ record: expect.objectContaining({ listingId: pending.id, action: 'approve', idempotencyKey: 'feed-test-0001' }) }),
    ]);
    expect((await readFeed(sandbox.url, accessToken, after.cursor)).changes).toEqual([]);
  });

  it('refuses a cursor it never issued, and one from another feed with cursor_reset', async () => {
    const { accessToken } = await signIn(sandbox.url, 'mod.chen');
    const garbage = refused(await call(sandbox.url, 'listChanges', { query: { cursor: 'not-a-cursor' } }, accessToken), 400, 'validation_failed');
    expect(garbage.path).toBe('query.cursor');
    const otherFolder = temporaryFolder();
    const other = await startTestSandbox(otherFolder.path, { listings: 20 });
    try {
      const otherSession = await signIn(other.url, 'mod.chen');
      const foreign = ok(await call(other.url, 'listChanges', { query: { limit: 5 } }, otherSession.accessToken)).nextCursor;
      refused(await call(sandbox.url, 'listChanges', { query: { cursor: foreign } }, accessToken), 410, 'cursor_reset');
    } finally {
      await other.close();
      otherFolder.remove();
    }
  });
});

describe('a cursor across a platform restart', () => {
  it('resumes where it left off, with nothing lost or repeated', async () => {
    const dir = temporaryFolder();
    let platform = await startTestSandbox(dir.path, { listings: 120 });
    try {
      let session = await signIn(platform.url, 'mod.lin');
      const firstPage = ok(await call(platform.url, 'listChanges', { query: { limit: 70 } }, session.accessToken));
      const total = (await readFeed(platform.url, session.accessToken)).changes.length;
      await platform.close();
      platform = await startTestSandbox(dir.path, { listings: 120 });
      session = await signIn(platform.url, 'mod.lin');
      const rest = await readFeed(platform.url, session.accessToken, firstPage.nextCursor, 40);
      const ids = [...firstPage.changes, ...rest.changes].map((c) => (c as ChangeType).id);
      expect(ids.length).toBe(total);
      expect(new Set(ids).size).toBe(total);
    } finally {
      await platform.close();
      dir.remove();
    }
  });

  it('is seeded identically for the same seed', async () => {
    const dir = temporaryFolder();
    const twin = await startTestSandbox(dir.path);
    try {
      const a = await signIn(sandbox.url, 'mod.chen');
      const b = await signIn(twin.url, 'mod.chen');
      const pageA = ok(await call(sandbox.url, 'listChanges', { query: { limit: 40 } }, a.accessToken));
      const pageB = ok(await call(twin.url, 'listChanges', { query: { limit: 40 } }, b.accessToken));
      expect(pageB.changes).toEqual(pageA.changes);
    } finally {
      await twin.close();
      dir.remove();
    }
  });
});
