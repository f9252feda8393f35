/**
 * LSH banding: listings whose signatures agree on all rows of some band land in one bucket,
 * and only those pairs are compared. Buckets are found by sorting one typed array per band
 * (bucket key and listing index packed into a double) instead of a Map of arrays: 20 bands ×
 * 100,000 listings would otherwise allocate two million tiny arrays. Buckets are visited in
 * key order, so the same listings always give the same links in the same order.
 */

const TWO_POW_21 = 2 ** 21;

function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/**
 * A 53-bit key for the rows of one band (two independent 32-bit hashes), so unrelated bands
 * almost never share a bucket by accident; when they do, verification rejects the pair.
 */
function bandKey(signature: Int32Array, start: number, rows: number): number {
  let h1 = 0x2545f491;
  let h2 = 0x6a09e667;
  for (let r = 0; r < rows; r++) {
    const value = signature[start + r] ?? 0;
    h1 = mix(h1 ^ value);
    h2 = mix((h2 + value) ^ 0x5bd1e995);
  }
  return (h1 >>> 0) * TWO_POW_21 + (h2 >>> 11);
}

/**
 * Writes listing `index`'s key for every band, band-major (keys[band × listingCount + index]),
 * so that each band's pass reads its keys in order. Computed while the signature is still in
 * cache, so that no signature has to be kept: 100,000 of them are 48 MB, which the 20 band
 * passes used to read again, 24 scattered bytes of every 480.
 */
export function writeBandKeys(signature: Int32Array, bands: number, rows: number, keys: Float64Array, index: number, listingCount: number): void {
  for (let band = 0; band < bands; band++) keys[band * listingCount + index] = bandKey(signature, band * rows, rows);
}

/**
 * Calls `visit` once per band bucket holding two or more listings, with the members' indices
 * ascending in `members[0..size)`. The buffer is reused between calls: copy it to keep it.
 * Listings whose `included` flag is 0 (nothing left to shingle) take part in no bucket.
 */
export function forEachBandBucket(
  keys: Float64Array,
  listingCount: number,
  bands: number,
  included: Uint8Array,
  visit: (members: Int32Array, size: number) => void,
): void {
  const scale = 2 ** Math.max(1, Math.ceil(Math.log2(listingCount + 1)));
  if (scale > TWO_POW_21 * 16) throw new RangeError('too many listings for one duplicate search (max 33 million)');
  const keyed = new Float64Array(listingCount);
  const tallySlots = new Int32Array(listingCount);
  // About eight tally slots per listing (at most 2^20), indexed by the key's top bits: never
  // fewer bits than the bucket keeps (53 − log2(scale)), so one bucket is always one slot.
  const tallyBits = Math.min(20, Math.ceil(Math.log2(listingCount + 1)) + 3);
  const tallyDivisor = 2 ** (53 - tallyBits);
  const tally = new Uint8Array(2 ** tallyBits);
  const packed = new Float64Array(listingCount);
  const members = new Int32Array(listingCount);
  for (let band = 0; band < bands; band++) {
    // Most listings are alone in their bucket of a band. A tally by the key's top bits finds
    // those that surely are (tally 1), so that only the rest, ~a third, are sorted.
    tally.fill(0);
    let keyedCount = 0;
    for (let i = 0; i < listingCount; i++) {
      if (included[i] === 0) continue;
      const key = keys[band * listingCount + i] ?? 0;
      const slot = Math.floor(key / tallyDivisor);
      keyed[keyedCount] = Math.floor(key / scale) * scale + i;
      tallySlots[keyedCount++] = slot;
      if ((tally[slot] ?? 2) < 2) tally[slot] = (tally[slot] ?? 0) + 1;
    }
    let used = 0;
    for (let k = 0; k < keyedCount; k++) if (tally[tallySlots[k] ?? 0] === 2) packed[used++] = keyed[k] ?? 0;
    const sorted = packed.subarray(0, used).sort();
    let runStart = 0;
    while (runStart < used) {
      const bucket = Math.floor((sorted[runStart] ?? 0) / scale);
      let runEnd = runStart + 1;
      while (runEnd < used && Math.floor((sorted[runEnd] ?? 0) / scale) === bucket) runEnd++;
      if (runEnd - runStart > 1) {
        for (let m = runStart; m < runEnd; m++) members[m - runStart] = (sorted[m] ?? 0) % scale;
        visit(members, runEnd - runStart);
      }
      runStart = runEnd;
    }
  }
}
