import type { SqliteDb } from '../storage/migrations';

/** Where a page ended: the sort key of its last row, and the position of the row after it. */
export interface QueueAnchor {
  at: number;
  queuedAt: string;
  id: string;
}

export interface Remembered {
  /** By position, ascending. */
  anchors: QueueAnchor[];
  total?: { total: number; moreThanTotal: boolean };
}

/** For a writer on another connection whose commit changes what the queues hold, in that commit. */
export const BUMP_QUEUE_GENERATION = 'UPDATE sync_state SET queue_generation = queue_generation + 1 WHERE id = 1';

/** Queries remembered at once: the tabs, filters and searches of one moderator's session. */
const MOST_QUERIES = 32;
/** Anchors a query keeps: a page's worth of them for a 300,000-listing queue read to its end. */
const MOST_ANCHORS = 2_000;

/**
 * What a queue's pages already told, kept between requests while the cache is unchanged: where
 * each page ended, so that a later page starts from the nearest of those instead of counting
 * past every row before it with OFFSET (a page 100,000 rows into the 101,435 second-hand
 * listings of the pending queue at a million listings took ~1.3 s, each of the 300,000 pending
 * listings before it read to test its category); and the filtered total, which is a count of
 * the whole filtered set (~40 ms for 100,000 rows) asked again with every page of a scroll.
 *
 * It forgets everything when the queues change: by another connection (the feed's pages and the
 * price pass, written by the sync's worker), which the queues' generation tells (migration 016),
 * or by this one (a delivered decision, a dismissed flag, a claim), which total_changes() tells.
 * A poll of the feed that found nothing changes neither.
 */
export class QueueMemo {
  private version = '';
  private readonly queries = new Map<string, Remembered>();

  /** What is remembered for a query, all of it dropped first if the cache changed since the last look. */
  recall(db: SqliteDb, key: string): Remembered {
    const { generation, changes } = db.prepare('SELECT queue_generation AS generation, total_changes() AS changes FROM sync_state WHERE id = 1').get() as { generation: number; changes: number };
    const now = `${generation}:${changes}`;
    if (now !== this.version) {
      this.version = now;
      this.queries.clear();
    }
    let remembered = this.queries.get(key);
    if (remembered) {
      // Most recently used last, so the first is the one to drop.
      this.queries.delete(key);
    } else {
      remembered = { anchors: [] };
      if (this.queries.size >= MOST_QUERIES) this.queries.delete(this.queries.keys().next().value!);
    }
    this.queries.set(key, remembered);
    return remembered;
  }
}

/** The anchor nearest before `offset` (not at 0: the first page needs none). */
export function anchorBefore(remembered: Remembered, offset: number): QueueAnchor | undefined {
  let best: QueueAnchor | undefined;
  for (const anchor of remembered.anchors) {
    if (anchor.at > offset) break;
    best = anchor;
  }
  return best;
}

export function rememberAnchor(remembered: Remembered, anchor: QueueAnchor): void {
  const { anchors } = remembered;
  if (anchors.some((known) => known.at === anchor.at)) return;
  if (anchors.length >= MOST_ANCHORS) return;
  const at = anchors.findIndex((known) => known.at > anchor.at);
  anchors.splice(at === -1 ? anchors.length : at, 0, anchor);
}
