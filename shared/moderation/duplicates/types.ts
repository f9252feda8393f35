/** A listing as the duplicate finder needs it: its text, its contact, its seller and its age. */
export interface DuplicateCandidate {
  id: string;
  title: string;
  body: string;
  contactPhoneMasked: string;
  sellerId: string;
  createdAt: string;
}

export type DuplicateReason = 'similar_text' | 'same_phone';

/** Listings a moderator should review together as probable reposts of one another. */
export interface DuplicateCluster {
  /** 'dup_' + the smallest member id, so a cluster keeps its id while members are added. */
  id: string;
  /** Oldest first (createdAt, then id): the first member is the probable original. */
  memberIds: string[];
  /** In this fixed order: 'similar_text' before 'same_phone'. */
  reasons: DuplicateReason[];
  /**
   * The highest exact shingle Jaccard among the linked pairs inside the cluster, 0..1 (exact,
   * not a MinHash estimate: every linked pair was verified). Low for a cluster held together
   * only by one seller's phone, which tells the moderator the texts are not copies.
   */
  similarity: number;
}

export interface DuplicateOptions {
  /** Shingle Jaccard at or above which two texts are reposts. Default 0.8. */
  threshold?: number;
  /** Characters per shingle. Default 3. */
  shingle?: number;
  /** LSH bands. Default 20; see minhash.ts for why. */
  bands?: number;
  /** MinHash rows per band. Default 6. */
  rows?: number;
  /** Link listings by identical masked phone (within the limits in clusters.ts). Default true. */
  samePhone?: boolean;
}

/** Bits for the reasons, so the union-find can merge them cheaply. */
export const SIMILAR_TEXT = 1;
export const SAME_PHONE = 2;

/**
 * Masked phones collide (135****7162 covers 10,000 numbers), so a shared mask alone is weak
 * evidence. It links two listings only with the same seller, or with texts at least this alike.
 */
export const PHONE_TEXT_JACCARD = 0.5;
