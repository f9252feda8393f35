import { assembleClusters, canonicalOrder, linkReasons } from './cluster-assembly';
import { DisjointSets } from './disjoint-sets';
import { normaliseListingText } from './normalise';
import { jaccardOfSortedSets, textShingles } from './shingles';
import type { DuplicateCandidate, DuplicateCluster } from './types';

/**
 * The reference findDuplicateClusters is measured against: every pair, exact Jaccard on
 * string shingle sets, no hashing, no banding, no phone-group limit. Quadratic, so for test
 * samples and benchmarks only, never for a live queue.
 */
export function naiveDuplicateClusters(
  listings: readonly DuplicateCandidate[],
  threshold = 0.8,
  options: { shingle?: number; samePhone?: boolean } = {},
): DuplicateCluster[] {
  const shingle = options.shingle ?? 3;
  const samePhone = options.samePhone ?? true;
  const ordered = canonicalOrder(listings);
  // Shingles are interned to small integers, not hashed: exact (no collisions) and still fast
  // enough to compare all pairs of a few thousand listings.
  const interned = new Map<string, number>();
  const shingleSets = ordered.map((listing) => {
    const ids = [...textShingles(normaliseListingText(listing.title, listing.body), shingle)].map((text) => {
      let id = interned.get(text);
      if (id === undefined) interned.set(text, (id = interned.size));
      return id;
    });
    return Int32Array.from(ids).sort();
  });
  const sets = new DisjointSets(ordered.length);
  for (let i = 0; i < ordered.length; i++) {
    for (let j = i + 1; j < ordered.length; j++) {
      const first = ordered[i];
      const second = ordered[j];
      const firstSet = shingleSets[i];
      const secondSet = shingleSets[j];
      if (!first || !second || !firstSet || !secondSet) continue;
      const similarity = jaccardOfSortedSets(firstSet, secondSet);
      const reasons = linkReasons(first, second, similarity, threshold, samePhone);
      if (reasons !== 0) sets.union(i, j, reasons, similarity);
    }
  }
  return assembleClusters(ordered, sets);
}
