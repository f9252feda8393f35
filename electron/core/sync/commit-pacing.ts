/**
 * How much of the feed the sync writes before it commits: how many pages, and how large a page
 * to ask for. A commit writes out every index page its changes touched, on the core's thread:
 * early in a first sync those pages are few and shared, and four pages a commit cost far less
 * than one each; at a million listings each listing dirties pages of its own in every index
 * kept in random order, so fewer changes a commit write about as much in all, and a commit of
 * four pages took 35–160 ms, one of one page 50–80 ms (the console's stalls). So the amount
 * follows the measured cost of a change's commit: as many changes as fit in the budget, in
 * whole pages up to `mostPages`, or one smaller page, down to `leastPageSize`.
 */
export class CommitPacing {
  /** Milliseconds of commit per change, smoothed over the last few commits; null before the first. */
  private perChange: number | null = null;

  constructor(private readonly limits: { pageSize: number; leastPageSize: number; mostPages: number; budgetMs: number }) {}

  /** Changes a commit may hold. */
  private get changes(): number {
    return this.perChange === null || this.perChange === 0 ? Number.POSITIVE_INFINITY : this.limits.budgetMs / this.perChange;
  }

  /** Pages to write before the next commit. */
  get pages(): number {
    return Math.max(1, Math.min(this.limits.mostPages, Math.floor(this.changes / this.limits.pageSize)));
  }

  /** Changes to ask the feed for in the next page. */
  get pageSize(): number {
    const { pageSize, leastPageSize } = this.limits;
    return Math.max(Math.min(leastPageSize, pageSize), Math.min(pageSize, Math.floor(this.changes)));
  }

  /** A commit of `changes` changes took `ms`. */
  committed(changes: number, ms: number): void {
    const perChange = ms / Math.max(1, changes);
    // Weighted toward the past: one commit slowed by a checkpoint's fsync beside it is not a trend.
    this.perChange = this.perChange === null ? perChange : this.perChange * 0.7 + perChange * 0.3;
  }
}
