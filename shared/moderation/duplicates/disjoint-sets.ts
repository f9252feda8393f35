/**
 * Union-find over listing indices that also carries, per cluster, the reasons that linked it
 * and the best similarity seen, so no list of links has to be kept for 100,000 listings.
 */
export class DisjointSets {
  private readonly parent: Int32Array;
  private readonly rank: Uint8Array;
  private readonly reasonBits: Uint8Array;
  private readonly bestSimilarity: Float64Array;

  constructor(size: number) {
    this.parent = new Int32Array(size);
    for (let i = 0; i < size; i++) this.parent[i] = i;
    this.rank = new Uint8Array(size);
    this.reasonBits = new Uint8Array(size);
    this.bestSimilarity = new Float64Array(size);
  }

  find(index: number): number {
    let i = index;
    for (;;) {
      const up = this.parent[i] ?? i;
      if (up === i) return i;
      const grand = this.parent[up] ?? up;
      this.parent[i] = grand; // path halving keeps later finds near O(1)
      i = grand;
    }
  }

  /** Links two listings for the given reasons; a link inside one cluster still adds its evidence. */
  union(first: number, second: number, reasons: number, similarity: number): void {
    let a = this.find(first);
    let b = this.find(second);
    if (a !== b) {
      if ((this.rank[a] ?? 0) < (this.rank[b] ?? 0)) [a, b] = [b, a];
      this.parent[b] = a;
      if (this.rank[a] === this.rank[b]) this.rank[a] = (this.rank[a] ?? 0) + 1;
      this.reasonBits[a] = (this.reasonBits[a] ?? 0) | (this.reasonBits[b] ?? 0);
      this.bestSimilarity[a] = Math.max(this.bestSimilarity[a] ?? 0, this.bestSimilarity[b] ?? 0);
    }
    this.reasonBits[a] = (this.reasonBits[a] ?? 0) | reasons;
    this.bestSimilarity[a] = Math.max(this.bestSimilarity[a] ?? 0, similarity);
  }

  reasonsOf(root: number): number {
    return this.reasonBits[root] ?? 0;
  }

  similarityOf(root: number): number {
    return this.bestSimilarity[root] ?? 0;
  }
}
