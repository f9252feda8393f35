/**
 * Unordered pairs of listing indices, by open addressing over two typed arrays. A pair with
 * Jaccard just under the threshold shares two or three bands and used to be verified again in
 * each (60% of the exact verifications of a template-heavy queue); remembering the refusals
 * costs a probe instead. A JS Set would box every key past 2^31 as a heap number.
 */
export class ListingPairSet {
  /** Smaller index + 1 of the pair in each slot; 0 marks an empty slot. */
  private firsts = new Int32Array(1024);
  private seconds = new Int32Array(1024);
  private size = 0;

  has(a: number, b: number): boolean {
    const first = Math.min(a, b) + 1;
    const second = Math.max(a, b);
    const mask = this.firsts.length - 1;
    for (let slot = slotOf(first, second, mask); ; slot = (slot + 1) & mask) {
      const stored = this.firsts[slot] ?? 0;
      if (stored === 0) return false;
      if (stored === first && this.seconds[slot] === second) return true;
    }
  }

  add(a: number, b: number): void {
    if (this.has(a, b)) return;
    if ((this.size + 1) * 2 > this.firsts.length) this.grow();
    this.place(Math.min(a, b) + 1, Math.max(a, b));
    this.size++;
  }

  private place(first: number, second: number): void {
    const mask = this.firsts.length - 1;
    let slot = slotOf(first, second, mask);
    while ((this.firsts[slot] ?? 0) !== 0) slot = (slot + 1) & mask;
    this.firsts[slot] = first;
    this.seconds[slot] = second;
  }

  private grow(): void {
    const { firsts, seconds } = this;
    this.firsts = new Int32Array(firsts.length * 2);
    this.seconds = new Int32Array(seconds.length * 2);
    for (let slot = 0; slot < firsts.length; slot++) {
      const first = firsts[slot] ?? 0;
      if (first !== 0) this.place(first, seconds[slot] ?? 0);
    }
  }
}

function slotOf(first: number, second: number, mask: number): number {
  let h = Math.imul(first, 0x9e3779b1) ^ second;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  return (h ^ (h >>> 13)) & mask;
}
