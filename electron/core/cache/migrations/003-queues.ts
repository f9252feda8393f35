import type { Migration } from '../../storage/migrations';

/**
 * What the moderation queues need: explainable flags per listing, Chinese substring search
 * (FTS5 trigram, kept in step with listings by triggers), and snapshots of queue sizes for the
 * dashboard.
 */
export const migration003: Migration = {
  version: 3,
  description: 'listing flags, trigram full-text index, queue snapshots',
  sql: `
    CREATE TABLE listing_flags (
      listing_id TEXT NOT NULL, rule TEXT NOT NULL, kind TEXT NOT NULL, spans TEXT NOT NULL, detail TEXT NOT NULL,
      PRIMARY KEY (listing_id, rule)
    );
    CREATE INDEX listing_flags_by_kind ON listing_flags (kind, listing_id);
    CREATE INDEX listings_by_price ON listings (category, price_unit, price_fen);
    CREATE INDEX reports_first ON reports (listing_id, created_at);
    CREATE VIRTUAL TABLE listings_fts USING fts5(title, body, content = 'listings', content_rowid = 'rowid', tokenize = 'trigram');
    CREATE TRIGGER listings_fts_insert AFTER INSERT ON listings BEGIN
      INSERT INTO listings_fts (rowid, title, body) VALUES (new.rowid, new.title, new.body);
    END;
    CREATE TRIGGER listings_fts_delete AFTER DELETE ON listings BEGIN
      INSERT INTO listings_fts (listings_fts, rowid, title, body) VALUES ('delete', old.rowid, old.title, old.body);
    END;
    CREATE TRIGGER listings_fts_update AFTER UPDATE OF title, body ON listings
    WHEN old.title IS NOT new.title OR old.body IS NOT new.body BEGIN
      INSERT INTO listings_fts (listings_fts, rowid, title, body) VALUES ('delete', old.rowid, old.title, old.body);
      INSERT INTO listings_fts (rowid, title, body) VALUES (new.rowid, new.title, new.body);
    END;
    INSERT INTO listings_fts (listings_fts) VALUES ('rebuild');
    CREATE TABLE queue_snapshots (
      at TEXT PRIMARY KEY, pending INTEGER NOT NULL, reported INTEGER NOT NULL, flagged INTEGER NOT NULL
    );
    -- Listings replicated before flags existed get them on the next full pass.
    UPDATE sync_state SET cursor = NULL;
  `,
};
