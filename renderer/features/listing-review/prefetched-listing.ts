import type { ListingDetail } from '../../../shared/ipc/views';

/** A listing fetched, and claimed on the platform, before the moderator asked for it. */
export interface PrefetchedListing {
  detail: ListingDetail;
  claimExpiresAt: string | null;
}

/**
 * The item "next" will open, read ahead while the moderator looks at the current one, so that a
 * decision key shows it at once instead of after three trips through the core and the platform.
 * Keyed by listing id; the pane refetches on mount and the claim is renewed, so a stale entry
 * only ever shows for the moment that takes.
 */
const prefetched = new Map<string, PrefetchedListing>();

export const rememberPrefetched = (listingId: string, listing: PrefetchedListing) => void prefetched.set(listingId, listing);
export const prefetchedListing = (listingId: string | null) => (listingId === null ? undefined : prefetched.get(listingId));
export const forgetPrefetched = (listingId: string) => void prefetched.delete(listingId);
