import { mismatchAllowance, permutationFamily, signaturesWithin, sketchMismatches, writeSignature, writeSketch } from './minhash';
import { NormalisedText } from './normalise';
import { jaccardOfSortedSets, shingleCount, sortedShingleSet, writeShingleHashes } from './shingles';
import type { DuplicateCandidate } from './types';

/** How far apart two fingerprints may be and still belong to a pair at some Jaccard. */
export interface Allowance {
  sketchBits: number;
  signaturePositions: number;
}

/**
 * Everything the search keeps per listing, in flat typed arrays indexed like `ordered`:
 * MinHash signatures, one-bit sketches, and phone and seller as small integers (comparing
 * two ints is cheaper than two strings a million times). Exact shingle sets are rebuilt only
 * for the few listings that reach exact verification.
 */
export class ListingFingerprints {
  readonly signatures: Int32Array;
  readonly sketches: Int32Array;
  /** 0 for a listing with nothing left after normalisation: it can only match by phone. */
  readonly included: Uint8Array;
  readonly phoneIds: Int32Array;
  readonly sellerIds: Int32Array;
  readonly signatureLength: number;
  private readonly sketchWords: number;
  private readonly exactSets: (Int32Array | undefined)[];
  private readonly text = new NormalisedText();

  constructor(
    private readonly ordered: readonly DuplicateCandidate[],
    private readonly shingle: number,
    signatureLength: number,
  ) {
    const count = ordered.length;
    this.signatureLength = signatureLength;
    this.sketchWords = Math.ceil(signatureLength / 32);
    this.signatures = new Int32Array(count * signatureLength);
    this.sketches = new Int32Array(count * this.sketchWords);
    this.included = new Uint8Array(count);
    this.phoneIds = new Int32Array(count);
    this.sellerIds = new Int32Array(count);
    this.exactSets = new Array<Int32Array | undefined>(count);
    const phones = new Map<string, number>();
    const sellers = new Map<string, number>();
    const family = permutationFamily(signatureLength);
    let shingles = new Int32Array(256);
    for (let i = 0; i < count; i++) {
      const listing = ordered[i];
      if (!listing) continue;
      this.phoneIds[i] = internedId(phones, listing.contactPhoneMasked);
      this.sellerIds[i] = internedId(sellers, listing.sellerId);
      const { codes, length } = this.text.clear().append(listing.title).append(listing.body);
      const needed = shingleCount(length, shingle);
      if (needed === 0) continue;
      if (needed > shingles.length) shingles = new Int32Array(needed * 2);
      writeShingleHashes(codes, length, shingle, shingles);
      writeSignature(shingles, needed, family, this.signatures, i * signatureLength);
      writeSketch(this.signatures, signatureLength, i, this.sketches);
      this.included[i] = 1;
    }
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
   * compares; the full signature settles the rest before any exact set is built.
   */
  mayReach(first: number, second: number, allowance: Allowance): boolean {
    if (this.included[first] === 0 || this.included[second] === 0) return false;
    if (sketchMismatches(this.sketches, this.sketchWords, first, second) > allowance.sketchBits) return false;
    return signaturesWithin(this.signatures, this.signatureLength, first, second, allowance.signaturePositions);
  }

  /** The exact Jaccard of the two listings' shingle-hash sets. */
  similarity(first: number, second: number): number {
    return jaccardOfSortedSets(this.exactSet(first), this.exactSet(second));
  }

  private exactSet(index: number): Int32Array {
    let set = this.exactSets[index];
    if (!set) {
      const listing = this.ordered[index];
      const { codes, length } = this.text.clear().append(listing?.title ?? '').append(listing?.body ?? '');
      set = sortedShingleSet(codes, length, this.shingle);
      this.exactSets[index] = set;
    }
    return set;
  }
}

function internedId(ids: Map<string, number>, key: string): number {
  let id = ids.get(key);
  if (id === undefined) ids.set(key, (id = ids.size));
  return id;
}
