import { describe, expect, it } from 'vitest';
import { CommitPacing } from './commit-pacing';

const limits = { pageSize: 500, leastPageSize: 100, mostPages: 4, budgetMs: 25 };

/** Commits as the pacing asks, each change costing `msPerChange`, until it settles. */
function settle(pacing: CommitPacing, msPerChange: number): void {
  for (let i = 0; i < 30; i += 1) {
    const changes = pacing.pages * pacing.pageSize;
    pacing.committed(changes, changes * msPerChange);
  }
}

describe('commit pacing', () => {
  it('commits four whole pages while commits are cheap, fewer as they grow, then smaller pages', () => {
    const pacing = new CommitPacing(limits);
    expect([pacing.pages, pacing.pageSize]).toEqual([4, 500]);
    settle(pacing, 0.004);
    expect([pacing.pages, pacing.pageSize]).toEqual([4, 500]);
    // A large cache: 500 changes commit in 20 ms, so one page a commit.
    settle(pacing, 0.04);
    expect([pacing.pages, pacing.pageSize]).toEqual([1, 500]);
    // Larger still: a page alone would take 60 ms; a page of ~200 fits the budget.
    settle(pacing, 0.12);
    expect(pacing.pages).toBe(1);
    expect(pacing.pageSize).toBeGreaterThanOrEqual(200);
    expect(pacing.pageSize).toBeLessThanOrEqual(210);
    // Never below the least page size, however slow.
    settle(pacing, 5);
    expect([pacing.pages, pacing.pageSize]).toEqual([1, 100]);
    // And back up when commits are cheap again.
    settle(pacing, 0.004);
    expect([pacing.pages, pacing.pageSize]).toEqual([4, 500]);
  });

  it('is not swayed far by one slow commit', () => {
    const pacing = new CommitPacing(limits);
    settle(pacing, 0.006);
    pacing.committed(2_000, 90);
    expect(pacing.pages).toBeGreaterThanOrEqual(2);
    expect(pacing.pages).toBeLessThan(4);
    expect(pacing.pageSize).toBe(500);
  });

  it('keeps to a page size set smaller than the least (a test\'s small pages)', () => {
    const pacing = new CommitPacing({ ...limits, pageSize: 50 });
    settle(pacing, 1);
    expect([pacing.pages, pacing.pageSize]).toEqual([1, 50]);
  });
});
