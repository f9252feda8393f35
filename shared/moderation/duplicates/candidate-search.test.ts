import { describe, expect, it } from 'vitest';
import { forEachBandBucket, writeBandKeys } from './lsh';
import { digestMismatches, writeDigest } from './minhash';
import { ListingPairSet } from './pair-set';
import { seededRandom } from './synthetic-listings';

const randomInt32 = (random: () => number): number => Math.floor(random() * 2 ** 32) | 0;

describe('signature digests', () => {
  it('count no more mismatches than the signatures, and miss only the rare byte collisions', () => {
    const random = seededRandom(11);
    const length = 120;
    const listings = 400;
    const signatures = new Int32Array(listings * length);
    // Pairs (2k, 2k + 1) agree on a share of positions from 0 to 1, like candidates of any Jaccard.
    for (let k = 0; k < listings / 2; k++) {
      const agreeing = k / (listings / 2 - 1);
      for (let p = 0; p < length; p++) {
        const value = randomInt32(random);
        signatures[2 * k * length + p] = value;
        signatures[(2 * k + 1) * length + p] = random() < agreeing ? value : randomInt32(random);
      }
    }
    const words = Math.ceil(length / 4);
    const digests = new Int32Array(listings * words);
    for (let i = 0; i < listings; i++) writeDigest(signatures.subarray(i * length, (i + 1) * length), length, digests, i);
    let signatureTotal = 0;
    let digestTotal = 0;
    for (let k = 0; k < listings / 2; k++) {
      let differing = 0;
      for (let p = 0; p < length; p++) if (signatures[2 * k * length + p] !== signatures[(2 * k + 1) * length + p]) differing++;
      const counted = digestMismatches(digests, words, 2 * k, 2 * k + 1);
      expect(counted).toBeLessThanOrEqual(differing);
      if (differing === 0) expect(counted).toBe(0);
      signatureTotal += differing;
      digestTotal += counted;
    }
    // Different minima fold to one byte with probability 1/256.
    expect(digestTotal / signatureTotal).toBeGreaterThan(0.98);
    expect(digestMismatches(digests, words, 0, 0)).toBe(0);
  });

  it('count a position whatever bit of its byte differs, past the last full word too', () => {
    // Minima folding to bytes that differ only in their top bit, only in their low bit, in
    // all bits; then equal; the fifth position sits alone in the second word.
    const signatures = new Int32Array([0x80, 0x01, 0xff, 7, 5, 0x00, 0x00, 0x00, 7, 6]);
    const digests = new Int32Array(2 * 2);
    writeDigest(signatures.subarray(0, 5), 5, digests, 0);
    writeDigest(signatures.subarray(5), 5, digests, 1);
    expect(digestMismatches(digests, 2, 0, 1)).toBe(4);
  });
});

describe('ListingPairSet', () => {
  it('holds unordered pairs through many resizes, with no false hits', () => {
    const random = seededRandom(12);
    const pairs = new ListingPairSet();
    const reference = new Set<string>();
    const key = (a: number, b: number) => `${Math.min(a, b)}:${Math.max(a, b)}`;
    for (let n = 0; n < 8_000; n++) {
      const a = Math.floor(random() * 100_000);
      const b = Math.floor(random() * 100_000);
      pairs.add(a, b);
      reference.add(key(a, b));
    }
    const lost = [...reference].filter((text) => {
      const [a, b] = text.split(':').map(Number) as [number, number];
      return !pairs.has(a, b) || !pairs.has(b, a);
    });
    expect(lost).toEqual([]);
    const wrong: string[] = [];
    for (let n = 0; n < 8_000; n++) {
      const a = Math.floor(random() * 100_000);
      const b = Math.floor(random() * 100_000);
      if (pairs.has(a, b) !== reference.has(key(a, b))) wrong.push(key(a, b));
    }
    expect(wrong).toEqual([]);
    expect(pairs.has(0, 0)).toBe(reference.has('0:0'));
  });
});

describe('forEachBandBucket', () => {
  it('visits exactly the groups of two or more included listings whose rows agree in a band', () => {
    const random = seededRandom(13);
    const [listings, bands, rows] = [3000, 4, 3];
    const length = bands * rows;
    const signatures = new Int32Array(listings * length);
    for (let i = 0; i < listings; i++) {
      for (let p = 0; p < length; p++) {
        // Band 0 draws from 27 row combinations, so it has big buckets; the others mostly
        // singletons, plus planted copies of an earlier listing's band.
        signatures[i * length + p] = p < rows ? Math.floor(random() * 3) : randomInt32(random);
      }
      if (i > 0 && random() < 0.2) {
        const source = Math.floor(random() * i);
        const band = 1 + Math.floor(random() * (bands - 1));
        for (let r = 0; r < rows; r++) signatures[i * length + band * rows + r] = signatures[source * length + band * rows + r] ?? 0;
      }
    }
    const included = new Uint8Array(listings).map((_, i) => (i % 50 === 7 ? 0 : 1));

    const expected: string[] = [];
    for (let band = 0; band < bands; band++) {
      const groups = new Map<string, number[]>();
      for (let i = 0; i < listings; i++) {
        if (included[i] === 0) continue;
        const rowsKey = Array.from(signatures.subarray(i * length + band * rows, i * length + band * rows + rows)).join(',');
        groups.set(rowsKey, [...(groups.get(rowsKey) ?? []), i]);
      }
      for (const members of groups.values()) if (members.length > 1) expected.push(members.join(' '));
    }
    const keys = new Float64Array(bands * listings);
    for (let i = 0; i < listings; i++) writeBandKeys(signatures.subarray(i * length, (i + 1) * length), bands, rows, keys, i, listings);
    const visited: string[] = [];
    forEachBandBucket(keys, listings, bands, included, (members, size) => {
      visited.push(Array.from(members.subarray(0, size)).join(' '));
    });
    expect(visited.length).toBeGreaterThan(bands * 27);
    expect(visited.sort()).toEqual(expected.sort());
  });
});
