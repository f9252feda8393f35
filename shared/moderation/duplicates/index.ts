/** Near-duplicate listing clusters for the moderation queue: the module's public surface. */
export { findDuplicateClusters, PHONE_GROUP_PAIRWISE_LIMIT } from './clusters';
export { naiveDuplicateClusters } from './naive';
export { jaccard } from './shingles';
export { normaliseListingText } from './normalise';
export { textDifferences, type TextDifference } from './text-differences';
export { candidateProbability, DEFAULT_BANDS, DEFAULT_ROWS } from './minhash';
export { PHONE_TEXT_JACCARD, type DuplicateCandidate, type DuplicateCluster, type DuplicateOptions, type DuplicateReason } from './types';
