import type { ListingDetail } from '../../../shared/ipc/views';

/** A listing fetched, and claimed on the platform, before the moderator asked for it. */
export interface PrefetchedListing {
  detail: ListingDetail;
  /** When the read-ahead's claim was granted (Date.now()). */
  claimedAt: number;
}

/** A read-ahead claim younger than this is used as it is; an older one is renewed on opening. */
export const FRESH_CLAIM_MS = 60_000;
/** Only the item "next" will open, and the few just opened, are ever worth keeping. */
const KEPT = 8;

/**
 * The item "next" will open, read ahead while the moderator looks at the current one, so that a
 * decision key shows it at once instead of after three trips through the core and the platform.
 * Keyed by listing id; the pane refetches on mount, so a stale entry only ever shows for the
 * moment that takes.
 */
const prefetched = new Map<string, PrefetchedListing & { claimUsed: boolean }>();

export function rememberPrefetched(listingId: string, listing: PrefetchedListing): void {
  prefetched.delete(listingId);
  prefetched.set(listingId, { ...listing, claimUsed: false });
  // A Map iterates in insertion order: the first keys are the oldest.
  for (const id of prefetched.keys()) {
    if (prefetched.size <= KEPT) break;
    prefetched.delete(id);
  }
}

export const prefetchedListing = (listingId: string | null): PrefetchedListing | undefined =>
  listingId === null ? undefined : prefetched.get(listingId);

export const forgetPrefetched = (listingId: string) => void prefetched.delete(listingId);

/**
 * The read-ahead's claim, once: the first opening of the item uses it instead of claiming the
 * item a second time (a platform round trip right after a decision, when the core is busiest);
 * any later opening claims as usual, since leaving an item releases its claim. Gives the claim's
 * age in ms, or null when there is none fresh to use.
 */
export function takePrefetchedClaim(listingId: string, now = Date.now()): number | null {
  const entry = prefetched.get(listingId);
  if (!entry || entry.claimUsed) return null;
  entry.claimUsed = true;
  const age = now - entry.claimedAt;
  return age >= 0 && age < FRESH_CLAIM_MS ? age : null;
}
