import { describe, expect, it } from 'vitest';
import { findDuplicateClusters } from './clusters';
import { candidateProbability, DEFAULT_BANDS, DEFAULT_ROWS, estimatedJaccard, permutationFamily, writeSignature } from './minhash';
import { naiveDuplicateClusters } from './naive';
import { NormalisedText } from './normalise';
import { jaccardOfSortedSets, shingleCount, sortedShingleSet, writeShingleHashes } from './shingles';
import { syntheticListings } from './synthetic-listings';
import type { DuplicateCluster } from './types';

/** Listing id → the id of the cluster holding it. */
function clusterOf(clusters: DuplicateCluster[]): Map<string, string> {
  const owner = new Map<string, string>();
  for (const cluster of clusters) for (const id of cluster.memberIds) owner.set(id, cluster.id);
  return owner;
}

describe('findDuplicateClusters against the all-pairs reference', () => {
  const sample = syntheticListings(2000, { seed: 20_250_301, plantedGroups: 100, collidingPhones: 20 });
  const fast = findDuplicateClusters(sample.listings);
  const naive = naiveDuplicateClusters(sample.listings, 0.8);
  const fastOwner = clusterOf(fast);
  const naiveOwner = clusterOf(naive);
  const together = (owner: Map<string, string>, a: string, b: string) => owner.get(a) !== undefined && owner.get(a) === owner.get(b);
  const plantedPairs = sample.plantedGroups.flatMap((group) => group.flatMap((a, i) => group.slice(i + 1).map((b) => [a, b] as const)));

  it('plants what it claims: ~100 groups whose pairs the reference mostly clusters', () => {
    expect(sample.plantedGroups).toHaveLength(100);
    expect(plantedPairs.length).toBeGreaterThan(200);
    const clustered = plantedPairs.filter(([a, b]) => together(naiveOwner, a, b)).length;
    expect(clustered / plantedPairs.length).toBeGreaterThan(0.95);
  });

  it('agrees with the reference on at least 98% of planted pairs', () => {
    const agreeing = plantedPairs.filter(([a, b]) => together(fastOwner, a, b) === together(naiveOwner, a, b)).length;
    expect(agreeing / plantedPairs.length).toBeGreaterThanOrEqual(0.98);
  });

  it('puts no two listings together that the reference keeps apart (candidates are verified exactly)', () => {
    for (const cluster of fast) {
      const owners = new Set(cluster.memberIds.map((id) => naiveOwner.get(id)));
      expect(owners.size, cluster.id).toBe(1);
      expect(owners.has(undefined), cluster.id).toBe(false);
    }
  });

  it('never merges two unrelated planted groups, nor the listings whose masked phones collide', () => {
    const groupOf = new Map(sample.plantedGroups.flatMap((group, g) => group.map((id) => [id, g] as const)));
    for (const cluster of fast) {
      const groups = new Set(cluster.memberIds.map((id) => groupOf.get(id)).filter((g) => g !== undefined));
      expect(groups.size, cluster.id).toBeLessThanOrEqual(1);
    }
    expect(sample.collidingPhones).toHaveLength(20);
    for (const [a, b] of sample.collidingPhones) expect(together(fastOwner, a, b)).toBe(false);
  });

  it('gives matching reasons and similarities where both found the same cluster', () => {
    const byMembers = new Map(naive.map((c) => [c.memberIds.join(','), c]));
    let matched = 0;
    for (const cluster of fast) {
      const reference = byMembers.get(cluster.memberIds.join(','));
      if (!reference) continue;
      matched++;
      expect(cluster.id).toBe(reference.id);
      expect(cluster.reasons).toEqual(reference.reasons);
      expect(cluster.similarity).toBeCloseTo(reference.similarity, 2);
    }
    expect(matched / naive.length).toBeGreaterThanOrEqual(0.98);
  });
});

describe('MinHash parameters', () => {
  it('finds pairs at Jaccard 0.8 with ≥ 99% probability and rarely proposes pairs below 0.5', () => {
    expect(DEFAULT_BANDS * DEFAULT_ROWS).toBe(120);
    expect(candidateProbability(0.8, DEFAULT_BANDS, DEFAULT_ROWS)).toBeGreaterThanOrEqual(0.99);
    expect(candidateProbability(0.5, DEFAULT_BANDS, DEFAULT_ROWS)).toBeLessThan(0.3);
    expect(candidateProbability(0.3, DEFAULT_BANDS, DEFAULT_ROWS)).toBeLessThan(0.02);
  });

  it('estimates Jaccard without bias from 120 permutations', () => {
    const { listings, plantedGroups } = syntheticListings(400, { seed: 8, plantedGroups: 60 });
    const family = permutationFamily(120);
    const index = new Map(listings.map((l, i) => [l.id, i]));
    const signatures = new Int32Array(listings.length * 120);
    const exact = listings.map((l, i) => {
      const text = new NormalisedText().append(l.title).append(l.body);
      const shingles = new Int32Array(shingleCount(text.length, 3));
      writeShingleHashes(text.codes, text.length, 3, shingles);
      writeSignature(shingles, shingles.length, family, signatures, i * 120);
      return sortedShingleSet(text.codes, text.length, 3);
    });
    const pairs = plantedGroups.flatMap((g) => g.slice(1).map((b) => [index.get(g[0] ?? '') ?? 0, index.get(b) ?? 0] as const));
    for (let i = 0; i + 1 < 200; i += 2) pairs.push([i, i + 1]); // unrelated pairs, low Jaccard
    const errors = pairs.map(([a, b]) => estimatedJaccard(signatures, 120, a, b) - jaccardOfSortedSets(exact[a] ?? new Int32Array(), exact[b] ?? new Int32Array()));
    const mean = errors.reduce((s, e) => s + e, 0) / errors.length;
    expect(Math.abs(mean)).toBeLessThan(0.02);
    for (const error of errors) expect(Math.abs(error)).toBeLessThan(0.2);
  });
});
