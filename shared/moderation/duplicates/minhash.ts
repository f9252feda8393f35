/**
 * MinHash signatures and their LSH banding parameters.
 *
 * Permutation family: h_i(x) = (a_i·x + b_i) mod 2^32 with a_i odd, compared as signed int32.
 * The textbook (a·x + b) mod p needs a 64-bit product, which a JS number cannot hold exactly
 * (2^53), and splitting x into 16-bit halves costs several `%` per evaluation; at 100,000
 * listings × ~113 shingles × 120 permutations that is 1.4 billion evaluations. Math.imul keeps
 * everything in int32 registers. With a odd the map is a bijection of the 32-bit space, i.e. a
 * true permutation, and multiply-add mod 2^32 is universal in its high bits (Dietzfelbinger's
 * multiply-shift), which are the bits a minimum is decided by. Inputs are already avalanched
 * by the shingle hash, so the weak low bits do not matter. Signed instead of unsigned order is
 * only one more fixed bijection (flip the top bit), so each h_i is still a permutation.
 *
 * Bands × rows: 20 × 6 = 120 permutations. A pair with Jaccard s shares a band with probability
 * 1 − (1 − s^6)^20: 0.9977 at s = 0.8 (≥ 99% asked), 0.27 at 0.5, 0.079 at 0.4, 0.0145 at 0.3,
 * 0.0013 at 0.2. 16 × 8 = 128 misses 5% of pairs at 0.8; 22 × 7 = 154 halves the candidates
 * near 0.5 but costs 28% more hashing, and candidates are cheap: a one-bit sketch and then an
 * 8-bit digest of the signature reject unrelated ones in tens of nanoseconds (each filter loses
 * a pair truly at the threshold with probability ~3e-5), and survivors are verified exactly on
 * their shingle sets.
 * So banding and filtering can only lose pairs, never invent one.
 */

export const DEFAULT_BANDS = 20;
export const DEFAULT_ROWS = 6;

/** The chance that a pair with Jaccard `similarity` shares at least one band. */
export function candidateProbability(similarity: number, bands: number, rows: number): number {
  return 1 - (1 - similarity ** rows) ** bands;
}

export interface PermutationFamily {
  /** Odd multipliers, one per permutation. */
  multipliers: Int32Array;
  offsets: Int32Array;
}

/**
 * A fixed seed, not Math.random: the same listing must get the same signature in every run,
 * or clusters would change between two refreshes of the same queue.
 */
export function permutationFamily(size: number, seed = 0x5eed_d0b1): PermutationFamily {
  const multipliers = new Int32Array(size);
  const offsets = new Int32Array(size);
  let state = seed | 0;
  const next = (): number => {
    // splitmix32: tiny, well mixed, and the same everywhere JS runs.
    state = (state + 0x9e3779b9) | 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) | 0;
  };
  for (let i = 0; i < size; i++) {
    multipliers[i] = next() | 1;
    offsets[i] = next();
  }
  return { multipliers, offsets };
}

/**
 * Writes the signature of one shingle multiset (repeats change no minimum) into
 * `signatures` at `offset`. Eight permutations per pass over the ~100 shingles: each shingle is
 * loaded once for eight independent multiply-min chains, which measured ~1.5× faster in V8
 * than one permutation per pass. This loop is a third of the cost of a 100,000-listing search.
 */
export function writeSignature(
  shingles: Int32Array,
  count: number,
  family: PermutationFamily,
  signatures: Int32Array,
  offset: number,
): void {
  const { multipliers: a, offsets: b } = family;
  const length = a.length;
  let p = 0;
  for (; p + 8 <= length; p += 8) {
    const a0 = a[p] ?? 1, a1 = a[p + 1] ?? 1, a2 = a[p + 2] ?? 1, a3 = a[p + 3] ?? 1;
    const a4 = a[p + 4] ?? 1, a5 = a[p + 5] ?? 1, a6 = a[p + 6] ?? 1, a7 = a[p + 7] ?? 1;
    const b0 = b[p] ?? 0, b1 = b[p + 1] ?? 0, b2 = b[p + 2] ?? 0, b3 = b[p + 3] ?? 0;
    const b4 = b[p + 4] ?? 0, b5 = b[p + 5] ?? 0, b6 = b[p + 6] ?? 0, b7 = b[p + 7] ?? 0;
    let m0 = 0x7fffffff, m1 = m0, m2 = m0, m3 = m0, m4 = m0, m5 = m0, m6 = m0, m7 = m0;
    for (let s = 0; s < count; s++) {
      const x = shingles[s] ?? 0;
      m0 = Math.min(m0, (Math.imul(a0, x) + b0) | 0);
      m1 = Math.min(m1, (Math.imul(a1, x) + b1) | 0);
      m2 = Math.min(m2, (Math.imul(a2, x) + b2) | 0);
      m3 = Math.min(m3, (Math.imul(a3, x) + b3) | 0);
      m4 = Math.min(m4, (Math.imul(a4, x) + b4) | 0);
      m5 = Math.min(m5, (Math.imul(a5, x) + b5) | 0);
      m6 = Math.min(m6, (Math.imul(a6, x) + b6) | 0);
      m7 = Math.min(m7, (Math.imul(a7, x) + b7) | 0);
    }
    signatures[offset + p] = m0;
    signatures[offset + p + 1] = m1;
    signatures[offset + p + 2] = m2;
    signatures[offset + p + 3] = m3;
    signatures[offset + p + 4] = m4;
    signatures[offset + p + 5] = m5;
    signatures[offset + p + 6] = m6;
    signatures[offset + p + 7] = m7;
  }
  for (; p < length; p++) {
    const ap = a[p] ?? 1;
    const bp = b[p] ?? 0;
    let min = 0x7fffffff;
    for (let s = 0; s < count; s++) min = Math.min(min, (Math.imul(ap, shingles[s] ?? 0) + bp) | 0);
    signatures[offset + p] = min;
  }
}

/** The share of equal positions: an unbiased estimate of the Jaccard of the two sets. */
export function estimatedJaccard(signatures: Int32Array, length: number, first: number, second: number): number {
  let equal = 0;
  const a = first * length;
  const b = second * length;
  for (let p = 0; p < length; p++) if (signatures[a + p] === signatures[b + p]) equal++;
  return equal / length;
}

/**
 * One byte per permutation (its minimum folded to 8 bits), packed 4 to a word, written for
 * listing `index` from its `signature`: the signature as the candidate filter reads it.
 * Comparing full signatures read 480 bytes of each listing from a 48 MB array (a cache miss
 * every 64 bytes) one position at a time: ~0.7 s for the 1.5 million candidate pairs of a
 * template-heavy 100,000-listing queue. Digests are a quarter of the size and compare four
 * positions per word without a branch, in about a third of that.
 * Two different minima fold to the same byte with probability 1/256, so a digest counts at
 * most as many mismatches as the signature: the filter may pass a few more pairs on to exact
 * verification, never fewer.
 */
export function writeDigest(signature: Int32Array, length: number, digests: Int32Array, index: number): void {
  const words = Math.ceil(length / 4);
  for (let w = 0; w < words; w++) {
    let packed = 0;
    for (let p = w * 4; p < Math.min(length, w * 4 + 4); p++) {
      const value = signature[p] ?? 0;
      packed |= ((value ^ (value >>> 8) ^ (value >>> 16) ^ (value >>> 24)) & 0xff) << ((p - w * 4) * 8);
    }
    digests[index * words + w] = packed;
  }
}

/** How many positions two listings' digests differ in. */
export function digestMismatches(digests: Int32Array, words: number, first: number, second: number): number {
  let mismatches = 0;
  const a = first * words;
  const b = second * words;
  for (let w = 0; w < words; w++) {
    const differing = (digests[a + w] ?? 0) ^ (digests[b + w] ?? 0);
    // The top bit of each byte of `nonZero` says whether that byte of `differing` is nonzero;
    // the low seven bits are summed with 0x7f so they cannot carry into the next byte.
    const nonZero = (((differing & 0x7f7f7f7f) + 0x7f7f7f7f) | differing) & 0x80808080;
    mismatches += bitCount(nonZero);
  }
  return mismatches;
}

/**
 * One bit per permutation (the low bit of its minimum), packed 32 to a word: a b-bit MinHash
 * sketch, written for listing `index` from its `signature`. Two sketches agree on a bit with
 * probability J + (1 − J)/2, and 100,000 of them fit in 1.6 MB, so the first check of a
 * candidate pair stays in cache where full signatures (48 MB) would miss it.
 */
export function writeSketch(signature: Int32Array, length: number, sketches: Int32Array, index: number): void {
  const words = Math.ceil(length / 32);
  for (let w = 0; w < words; w++) {
    let bits = 0;
    for (let p = w * 32; p < Math.min(length, w * 32 + 32); p++) bits |= ((signature[p] ?? 0) & 1) << (p - w * 32);
    sketches[index * words + w] = bits;
  }
}

function bitCount(value: number): number {
  let v = value - ((value >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/** How many sketch bits two listings differ in. */
export function sketchMismatches(sketches: Int32Array, words: number, first: number, second: number): number {
  let mismatches = 0;
  for (let w = 0; w < words; w++) mismatches += bitCount((sketches[first * words + w] ?? 0) ^ (sketches[second * words + w] ?? 0));
  return mismatches;
}

/**
 * The most mismatches a pair truly at Jaccard `similarity` shows, 4 standard deviations out
 * (missed with probability ~3e-5): per position, signatures disagree with probability 1 − J
 * and one-bit sketches with (1 − J)/2. The 8-bit digest uses the signature's allowance: it
 * disagrees with probability (1 − J)(1 − 1/256), a hair less, so it errs towards passing.
 */
export function mismatchAllowance(similarity: number, positions: number, bitsOnly: boolean): number {
  const q = bitsOnly ? (1 - similarity) / 2 : 1 - similarity;
  return Math.floor(positions * q + 4 * Math.sqrt(positions * q * (1 - q)));
}
