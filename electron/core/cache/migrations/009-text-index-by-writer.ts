import type { Migration } from '../../storage/migrations';

/**
 * The trigram index is written by the replica beside each listing write (ListingTextIndex), not
 * by triggers: inside a trigger FTS5 flushes its pending terms once per listing, which made the
 * index ~80 % of a sync's cost. The index content is unchanged; only who writes it.
 * Automatic merging is switched off too: it ran inside commits, a merge of a level's segments
 * at a time (100 ms and more at a million listings); the replica merges in bounded steps
 * between the sync's pages instead (ListingTextIndex.tidy). Crisis merges stay as a backstop.
 */
export const migration009: Migration = {
  version: 9,
  description: 'listing text index written by the replica instead of triggers',
  sql: `
    DROP TRIGGER listings_fts_insert;
    DROP TRIGGER listings_fts_delete;
    DROP TRIGGER listings_fts_update;
    INSERT INTO listings_fts (listings_fts, rank) VALUES ('automerge', 0);
    INSERT INTO listings_fts (listings_fts, rank) VALUES ('crisismerge', 64);
  `,
};
