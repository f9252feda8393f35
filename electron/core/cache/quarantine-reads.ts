import type { QuarantineEntry } from '../../../shared/ipc/views';
import type { SqliteDb } from '../storage/migrations';

/** The renderer sees the start of a record, never all of it: a 100,000-character title stays in the cache. */
export const PREVIEW_CHARS = 300;
/** Newest first, and no more than a screen's worth can usefully be read; the total says how many exist. */
export const QUARANTINE_LIST_LIMIT = 200;

interface QuarantineRow {
  id: number;
  entity_type: string | null;
  entity_id: string | null;
  reason: string;
  path: string;
  head: string;
  raw_length: number;
  quarantined_at: string;
  resolved_at: string | null;
}

/**
 * A lone surrogate (half of a UTF-16 pair, as a corrupted record or a cut through an emoji
 * leaves) is replaced by U+FFFD: structured clone and JSON would otherwise carry, or choke on,
 * text that is not Unicode.
 */
export function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/** At most `max` UTF-16 units, an ellipsis marking a cut, never ending on half a pair. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return wellFormed(text);
  return `${wellFormed(text.slice(0, max - 1)).replace(/\uFFFD$/, '')}…`;
}

/** What the quarantine view shows: who, why, where, when, a bounded preview — never the whole record. */
export function quarantineEntries(db: SqliteDb, limit = QUARANTINE_LIST_LIMIT): { entries: QuarantineEntry[]; total: number } {
  // substr counts characters in SQLite, so only a bounded head of the record ever leaves the database.
  const rows = db
    .prepare(
      `SELECT id, entity_type, entity_id, reason, path, substr(raw, 1, ?) AS head, length(raw) AS raw_length, quarantined_at, resolved_at
       FROM quarantine ORDER BY id DESC LIMIT ?`,
    )
    .all(PREVIEW_CHARS + 1, limit) as QuarantineRow[];
  const { total } = db.prepare('SELECT count(*) AS total FROM quarantine').get() as { total: number };
  return {
    total,
    entries: rows.map((r) => ({
      id: r.id,
      entityType: r.entity_type === null ? null : clip(r.entity_type, 64),
      entityId: r.entity_id === null ? null : clip(r.entity_id, 64),
      reason: clip(r.reason, PREVIEW_CHARS),
      path: clip(r.path, PREVIEW_CHARS),
      preview: clip(r.raw_length > PREVIEW_CHARS ? `${r.head}…` : r.head, PREVIEW_CHARS),
      quarantinedAt: r.quarantined_at,
      resolvedAt: r.resolved_at,
    })),
  };
}
