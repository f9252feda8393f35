/**
 * How many feed pages the sync writes before it commits. A commit writes out every index page
 * its pages touched, on the core's thread: early in a first sync those pages are few and
 * shared, and four pages a commit cost far less than one each; at a million listings each
 * listing dirties pages of its own in every index kept in random order, the commit of four
 * pages took 35–160 ms (the console's stalls), and fewer pages a commit write about as much in
 * all. So the count follows the measured cost of a page's commit: as many as fit in the budget.
 */
export class CommitPacing {
  /** Milliseconds of commit per page, smoothed over the last few commits; null before the first. */
  private perPage: number | null = null;

  constructor(private readonly most: number, private readonly budgetMs: number) {}

  /** Pages to write before the next commit. */
  get pages(): number {
    if (this.perPage === null) return this.most;
    return Math.max(1, Math.min(this.most, Math.floor(this.budgetMs / this.perPage)));
  }

  /** A commit of `pages` pages took `ms`. */
  committed(pages: number, ms: number): void {
    const perPage = ms / Math.max(1, pages);
    // Weighted toward the past: one commit slowed by a checkpoint's fsync beside it is not a trend.
    this.perPage = this.perPage === null ? perPage : this.perPage * 0.7 + perPage * 0.3;
  }
}
