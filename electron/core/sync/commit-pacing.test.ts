import { describe, expect, it } from 'vitest';
import { CommitPacing } from './commit-pacing';

describe('commit pacing', () => {
  it('commits the most pages while commits are cheap, fewer as they grow, and one when a page alone is over budget', () => {
    const pacing = new CommitPacing(4, 25);
    expect(pacing.pages).toBe(4);
    pacing.committed(4, 8);
    expect(pacing.pages).toBe(4);
    // A cache grown large: a commit of four pages takes 60 ms.
    for (let i = 0; i < 10; i += 1) pacing.committed(pacing.pages, pacing.pages * 15);
    expect(pacing.pages).toBe(1);
    for (let i = 0; i < 10; i += 1) pacing.committed(pacing.pages, pacing.pages * 40);
    expect(pacing.pages).toBe(1);
    // And back up when they are cheap again (the pages after a first sync's listings: users, reports).
    for (let i = 0; i < 10; i += 1) pacing.committed(pacing.pages, pacing.pages * 4);
    expect(pacing.pages).toBe(4);
  });

  it('is not swayed by one slow commit', () => {
    const pacing = new CommitPacing(4, 25);
    for (let i = 0; i < 5; i += 1) pacing.committed(4, 12);
    pacing.committed(4, 90);
    expect(pacing.pages).toBeGreaterThanOrEqual(2);
    expect(pacing.pages).toBeLessThan(4);
  });
});
