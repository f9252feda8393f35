import type { DisjointSets } from './disjoint-sets';
import { PHONE_TEXT_JACCARD, SAME_PHONE, SIMILAR_TEXT, type DuplicateCandidate, type DuplicateCluster, type DuplicateReason } from './types';

/**
 * Listings oldest first (createdAt as an instant, so '…00Z' and '…00.000Z' tie; then id). Both
 * finders work on this order, which makes their output independent of the queue's order.
 */
export function canonicalOrder(listings: readonly DuplicateCandidate[]): DuplicateCandidate[] {
  const seen = new Set<string>();
  for (const listing of listings) {
    // Two rows with one id would make "the same input" ambiguous; it is a caller bug.
    if (seen.has(listing.id)) throw new RangeError(`listing ${listing.id} appears twice`);
    seen.add(listing.id);
  }
  const time = (listing: DuplicateCandidate): number => {
    const parsed = Date.parse(listing.createdAt);
    return Number.isNaN(parsed) ? Number.POSITIVE_INFINITY : parsed;
  };
  return listings
    .map((listing) => ({ listing, at: time(listing) }))
    .sort((x, y) => {
      if (x.at !== y.at) return x.at < y.at ? -1 : 1;
      // Unparseable times go last, ordered by their text so the order is still total.
      if (x.at === Number.POSITIVE_INFINITY && x.listing.createdAt !== y.listing.createdAt) return x.listing.createdAt < y.listing.createdAt ? -1 : 1;
      return x.listing.id < y.listing.id ? -1 : x.listing.id > y.listing.id ? 1 : 0;
    })
    .map(({ listing }) => listing);
}

/**
 * The reasons that link two listings, as bits (0: not linked). The phone rule is deliberately
 * weak on its own: masked phones collide, so it needs the same seller or half-alike texts.
 */
export function linkReasons(
  first: DuplicateCandidate,
  second: DuplicateCandidate,
  similarity: number,
  threshold: number,
  samePhone: boolean,
): number {
  let reasons = similarity >= threshold ? SIMILAR_TEXT : 0;
  if (
    samePhone &&
    first.contactPhoneMasked === second.contactPhoneMasked &&
    (first.sellerId === second.sellerId || similarity >= PHONE_TEXT_JACCARD)
  ) {
    reasons |= SAME_PHONE;
  }
  return reasons;
}

function reasonList(bits: number): DuplicateReason[] {
  const reasons: DuplicateReason[] = [];
  if (bits & SIMILAR_TEXT) reasons.push('similar_text');
  if (bits & SAME_PHONE) reasons.push('same_phone');
  return reasons;
}

/** Clusters of two or more, largest first, then by id. `ordered` must be in canonicalOrder. */
export function assembleClusters(ordered: readonly DuplicateCandidate[], sets: DisjointSets): DuplicateCluster[] {
  // Sizes first, so that the ~80% of listings with no duplicate never get an array of their own.
  const roots = new Int32Array(ordered.length);
  const sizes = new Int32Array(ordered.length);
  for (let i = 0; i < ordered.length; i++) {
    const root = sets.find(i);
    roots[i] = root;
    sizes[root] = (sizes[root] ?? 0) + 1;
  }
  const membersByRoot = new Map<number, number[]>();
  for (let i = 0; i < ordered.length; i++) {
    const root = roots[i] ?? i;
    if ((sizes[root] ?? 0) < 2) continue;
    const members = membersByRoot.get(root);
    if (members) members.push(i);
    else membersByRoot.set(root, [i]);
  }
  const clusters: DuplicateCluster[] = [];
  for (const [root, members] of membersByRoot) {
    const memberIds = members.map((i) => ordered[i]?.id ?? '');
    const smallest = memberIds.reduce((min, id) => (id < min ? id : min));
    clusters.push({
      id: `dup_${smallest}`,
      memberIds,
      reasons: reasonList(sets.reasonsOf(root)),
      similarity: sets.similarityOf(root),
    });
  }
  return clusters.sort((x, y) => y.memberIds.length - x.memberIds.length || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
}
