import { writeBandKeys } from './lsh';
import { digestMismatches, mismatchAllowance, permutationFamily, sketchMismatches, writeDigest, writeSignature, writeSketch } from './minhash';
import { NormalisedText } from './normalise';
import { jaccardOfSortedRanges, shingleCount, sortUniqueInPlace, writeShingleHashes } from './shingles';
import type { DuplicateCandidate } from './types';

/** How far apart two fingerprints may be and still belong to a pair at some Jaccard. */
export interface Allowance {
  sketchBits: number;
  signaturePositions: number;
}

/**
 * Everything the search keeps per listing, in flat typed arrays indexed like `ordered`. Of the
 * MinHash signature, only what is read later: band keys (for banding), a one-bit sketch and an
 * 8-bit digest (for the candidate filter). Then the exact shingle sets, and the masked phone
 * as a small integer: every candidate pair compares phones, a million times, while sellers are
 * compared only inside a phone group, where interning them cost more than it saved.
 */
export class ListingFingerprints {
  /** keys[band × count + i]: see writeBandKeys. */
  readonly bandKeys: Float64Array;
  readonly sketches: Int32Array;
  /** 0 for a listing with nothing left after normalisation: it can only match by phone. */
  readonly included: Uint8Array;
  readonly phoneIds: Int32Array;
  readonly signatureLength: number;
  private readonly sketchWords: number;
  private readonly digests: Int32Array;
  private readonly digestWords: number;
  /**
   * Every listing's shingle hashes, end to end in one pool: listing i owns [setStarts[i],
   * setStarts[i + 1]). Sorted and freed of repeats on the listing's first exact verification,
   * after which its set is [setStarts[i], setEnds[i]). One typed array per listing, built by
   * normalising the text again, spent more time allocating and collecting than merging: the
   * phone rule and the candidate filters send most listings of a real queue to verification.
   */
  private readonly exactShingles: Int32Array;
  private readonly setStarts: Int32Array;
  /** -1 until the listing's range is sorted. */
  private readonly setEnds: Int32Array;

  constructor(ordered: readonly DuplicateCandidate[], shingle: number, bands: number, rows: number) {
    const count = ordered.length;
    const signatureLength = bands * rows;
    this.signatureLength = signatureLength;
    this.sketchWords = Math.ceil(signatureLength / 32);
    this.bandKeys = new Float64Array(bands * count);
    this.sketches = new Int32Array(count * this.sketchWords);
    this.digestWords = Math.ceil(signatureLength / 4);
    this.digests = new Int32Array(count * this.digestWords);
    this.included = new Uint8Array(count);
    this.phoneIds = new Int32Array(count);
    // A text has no more shingles than code points left after normalisation, which are no
    // more than its UTF-16 units: one allocation that never has to grow.
    let textUnits = 0;
    for (const listing of ordered) textUnits += listing.title.length + listing.body.length;
    this.exactShingles = new Int32Array(textUnits);
    this.setStarts = new Int32Array(count + 1);
    this.setEnds = new Int32Array(count).fill(-1);
    const phones = new Map<string, number>();
    const family = permutationFamily(signatureLength);
    const scratch = new Int32Array(signatureLength);
    const text = new NormalisedText();
    let shingles = new Int32Array(256);
    let pooled = 0;
    for (let i = 0; i < count; i++) {
      this.setStarts[i] = pooled;
      const listing = ordered[i];
      if (!listing) continue;
      this.phoneIds[i] = internedId(phones, listing.contactPhoneMasked);
      const { codes, length } = text.clear().append(listing.title).append(listing.body);
      const needed = shingleCount(length, shingle);
      if (needed === 0) continue;
      if (needed > shingles.length) shingles = new Int32Array(needed * 2);
      writeShingleHashes(codes, length, shingle, shingles);
      for (let s = 0; s < needed; s++) this.exactShingles[pooled + s] = shingles[s] ?? 0;
      pooled += needed;
      writeSignature(shingles, needed, family, scratch, 0);
      const signature = scratch;
      writeBandKeys(signature, bands, rows, this.bandKeys, i, count);
      writeSketch(signature, signatureLength, this.sketches, i);
      writeDigest(signature, signatureLength, this.digests, i);
      this.included[i] = 1;
    }
    this.setStarts[count] = pooled;
  }

  allowance(similarity: number): Allowance {
    return {
      sketchBits: mismatchAllowance(similarity, this.signatureLength, true),
      signaturePositions: mismatchAllowance(similarity, this.signatureLength, false),
    };
  }

  /**
   * False when the pair's fingerprints rule out the Jaccard the allowance was made for.
   * Cheapest first: the cached sketch rejects nearly every unrelated pair in ~4 word
   * compares; the digest settles the rest before any exact set is compared.
   */
  mayReach(first: number, second: number, allowance: Allowance): boolean {
    if (this.included[first] === 0 || this.included[second] === 0) return false;
    if (sketchMismatches(this.sketches, this.sketchWords, first, second) > allowance.sketchBits) return false;
    return digestMismatches(this.digests, this.digestWords, first, second) <= allowance.signaturePositions;
  }

  /** The exact Jaccard of the two listings' shingle-hash sets. */
  similarity(first: number, second: number): number {
    const shingles = this.exactShingles;
    return jaccardOfSortedRanges(shingles, this.setStarts[first] ?? 0, this.setEnd(first), shingles, this.setStarts[second] ?? 0, this.setEnd(second));
  }

  private setEnd(index: number): number {
    let end = this.setEnds[index] ?? -1;
    if (end < 0) {
      const start = this.setStarts[index] ?? 0;
      const range = this.exactShingles.subarray(start, this.setStarts[index + 1] ?? start);
      end = start + sortUniqueInPlace(range, range.length);
      this.setEnds[index] = end;
    }
    return end;
  }
}

function internedId(ids: Map<string, number>, key: string): number {
  let id = ids.get(key);
  if (id === undefined) ids.set(key, (id = ids.size));
  return id;
}
