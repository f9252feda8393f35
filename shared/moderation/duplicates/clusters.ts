import { assembleClusters, canonicalOrder, linkReasons } from './cluster-assembly';
import { DisjointSets } from './disjoint-sets';
import { ListingFingerprints } from './fingerprints';
import { forEachBandBucket } from './lsh';
import { DEFAULT_BANDS, DEFAULT_ROWS } from './minhash';
import { ListingPairSet } from './pair-set';
import { PHONE_TEXT_JACCARD, type DuplicateCandidate, type DuplicateCluster, type DuplicateOptions } from './types';

/**
 * Phone groups up to this size compare every pair (so cross-seller reposts sharing a mask are
 * found even when banding missed them). A larger group is almost always a placeholder number
 * or one prolific seller, and all its pairs would be quadratic work: there only same-seller
 * listings are chained, and cross-seller links come from the banding candidates.
 */
export const PHONE_GROUP_PAIRWISE_LIMIT = 200;

interface ResolvedOptions {
  threshold: number;
  shingle: number;
  bands: number;
  rows: number;
  samePhone: boolean;
}

function resolve(options: DuplicateOptions): ResolvedOptions {
  const resolved = {
    threshold: options.threshold ?? 0.8,
    shingle: options.shingle ?? 3,
    bands: options.bands ?? DEFAULT_BANDS,
    rows: options.rows ?? DEFAULT_ROWS,
    samePhone: options.samePhone ?? true,
  };
  if (!(resolved.threshold > 0 && resolved.threshold <= 1)) throw new RangeError('threshold must be in (0, 1]');
  const limits = [['shingle', resolved.shingle, 32], ['bands', resolved.bands, 512], ['rows', resolved.rows, 64]] as const;
  for (const [name, value, max] of limits) {
    if (!Number.isInteger(value) || value < 1 || value > max) throw new RangeError(`${name} must be an integer from 1 to ${max}`);
  }
  return resolved;
}

/**
 * Clusters of probable reposts: texts whose shingle Jaccard reaches the threshold (MinHash +
 * LSH banding for candidates, then an exact check), plus listings sharing a masked phone under
 * the rule in linkReasons. Same input, in any order, gives the same clusters in the same order.
 */
export function findDuplicateClusters(listings: readonly DuplicateCandidate[], options: DuplicateOptions = {}): DuplicateCluster[] {
  const { threshold, shingle, bands, rows, samePhone } = resolve(options);
  const ordered = canonicalOrder(listings);
  const count = ordered.length;
  const fingerprints = new ListingFingerprints(ordered, shingle, bands, rows);
  const sets = new DisjointSets(count);
  // Whether a pair links is a function of the pair alone, so a refusal stands for the whole search.
  const refused = new ListingPairSet();
  const link = (i: number, j: number): void => {
    const first = ordered[i];
    const second = ordered[j];
    if (!first || !second || refused.has(i, j)) return;
    const similarity = fingerprints.similarity(i, j);
    const reasons = linkReasons(first, second, similarity, threshold, samePhone);
    if (reasons !== 0) sets.union(i, j, reasons, similarity);
    else refused.add(i, j);
  };

  // Most band candidates are unrelated listings sharing boilerplate ("押一付三，拎包入住"); a
  // template-heavy queue yields millions. The fingerprints reject those before any exact set
  // is built. Pairs sharing a phone skip that filter: the phone rule needs only half-alike text.
  const textAllowance = fingerprints.allowance(threshold);
  const tryCandidate = (i: number, j: number): void => {
    if (sets.find(i) === sets.find(j)) return;
    const phoneShared = samePhone && fingerprints.phoneIds[i] === fingerprints.phoneIds[j];
    if (phoneShared || fingerprints.mayReach(i, j, textAllowance)) link(i, j);
  };
  const absorbed = new Uint8Array(count);
  forEachBandBucket(fingerprints.bandKeys, count, bands, fingerprints.included, (members, size) => {
    // Star from the first member, then only pairs involving a member it did not absorb: a
    // bucket of 1,000 identical spam posts costs 1,000 checks, not 500,000.
    const head = members[0] ?? 0;
    for (let m = 1; m < size; m++) tryCandidate(head, members[m] ?? 0);
    const headRoot = sets.find(head);
    for (let m = 1; m < size; m++) absorbed[m] = sets.find(members[m] ?? 0) === headRoot ? 1 : 0;
    for (let r = 1; r < size; r++) {
      if (absorbed[r] === 1) continue;
      // Pairs of two unabsorbed members are tried once, from the earlier one.
      for (let q = 1; q < size; q++) if (q !== r && (absorbed[q] === 1 || q > r)) tryCandidate(members[r] ?? 0, members[q] ?? 0);
    }
  });

  if (samePhone) {
    const phoneAllowance = fingerprints.allowance(PHONE_TEXT_JACCARD);
    forEachPhoneGroup(fingerprints.phoneIds, (group) => {
      if (group.length <= PHONE_GROUP_PAIRWISE_LIMIT) {
        for (let x = 0; x < group.length; x++) {
          for (let y = x + 1; y < group.length; y++) {
            const i = group[x] ?? 0;
            const j = group[y] ?? 0;
            if (ordered[i]?.sellerId === ordered[j]?.sellerId || fingerprints.mayReach(i, j, phoneAllowance)) link(i, j);
          }
        }
        return;
      }
      const lastBySeller = new Map<string, number>();
      for (const i of group) {
        const seller = ordered[i]?.sellerId ?? '';
        const previous = lastBySeller.get(seller);
        if (previous !== undefined) link(previous, i);
        lastBySeller.set(seller, i);
      }
    });
  }
  return assembleClusters(ordered, sets);
}

/** Listings grouped by phone id (counting sort, no per-phone arrays), ascending within a group. */
function forEachPhoneGroup(phoneIds: Int32Array, visit: (group: Int32Array) => void): void {
  let phones = 0;
  for (const id of phoneIds) phones = Math.max(phones, id + 1);
  const starts = new Int32Array(phones + 1);
  for (const id of phoneIds) starts[id + 1] = (starts[id + 1] ?? 0) + 1;
  for (let p = 0; p < phones; p++) starts[p + 1] = (starts[p + 1] ?? 0) + (starts[p] ?? 0);
  const next = starts.slice(0, phones);
  const grouped = new Int32Array(phoneIds.length);
  phoneIds.forEach((id, i) => {
    grouped[next[id] ?? 0] = i;
    next[id] = (next[id] ?? 0) + 1;
  });
  for (let p = 0; p < phones; p++) {
    const start = starts[p] ?? 0;
    const end = starts[p + 1] ?? 0;
    if (end - start > 1) visit(grouped.subarray(start, end));
  }
}
