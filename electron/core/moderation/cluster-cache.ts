import type { z } from 'zod';
import type { DuplicateClusterView } from '../../../shared/ipc/moderation-views';
import { findDuplicateClusters } from '../../../shared/moderation/duplicates';
import type { SqliteDb } from '../storage/migrations';

type Cluster = z.infer<typeof DuplicateClusterView>;

/**
 * Near-duplicate clusters over the listings a moderator can still act on. Computing them costs
 * seconds on a large cache, so the result is kept until the cache changes.
 */
export class ClusterCache {
  private clusters: Cluster[] | null = null;
  private byListing = new Map<string, Cluster>();

  constructor(private readonly db: SqliteDb) {}

  invalidate(): void {
    this.clusters = null;
    this.byListing.clear();
  }

  all(): Cluster[] {
    if (this.clusters) return this.clusters;
    const listings = this.db
      .prepare(`SELECT id, title, body, contact_phone_masked AS contactPhoneMasked, seller_id AS sellerId, created_at AS createdAt
                FROM listings WHERE status IN ('pending', 'published')`)
      .all() as Parameters<typeof findDuplicateClusters>[0][number][];
    const titleOf = new Map(listings.map((l) => [l.id, l.title]));
    this.clusters = findDuplicateClusters(listings).map((c) => ({
      id: c.id,
      memberIds: [...c.memberIds],
      titles: Object.fromEntries(c.memberIds.map((id) => [id, titleOf.get(id) ?? ''])),
      reasons: [...c.reasons],
      similarity: c.similarity,
    }));
    for (const cluster of this.clusters) for (const id of cluster.memberIds) this.byListing.set(id, cluster);
    return this.clusters;
  }

  /** The listing's cluster if clusters were computed; opening a listing never pays for computing them. */
  ofListing(listingId: string): Cluster | null {
    return this.clusters ? (this.byListing.get(listingId) ?? null) : null;
  }
}
