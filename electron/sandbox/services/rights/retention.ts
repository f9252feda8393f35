import { addDays, shanghaiDateOf } from '../../../../shared/calendar/civil-date';
import type { PlatformContract } from '../../../../shared/platform/contract';
import type { RetentionItem, RetentionSweep } from '../../../../shared/platform/rights-entities';
import { DEFAULT_DISPLAY_GRACE_DAYS, listingRetentionState } from '../../../../shared/rights/retention-policy';
import type { Handler } from '../../http/router';
import type { PlatformDb } from '../../store/database';
import { sellersWithHeldListings } from './legal-holds';

interface CandidateRow { id: string; title: string; seller_id: string; display_until: string; status: string }

/** Listings past their display period plus grace on `today` (a Beijing date), not yet anonymised. */
export interface RetentionScope {
  cutoff: string;
  today: string;
  held: Set<string>;
}

export function retentionScope(db: PlatformDb, now: Date): RetentionScope {
  const today = shanghaiDateOf(now.toISOString());
  return { today, cutoff: addDays(today, -DEFAULT_DISPLAY_GRACE_DAYS), held: sellersWithHeldListings(db, now) };
}

const heldList = (scope: RetentionScope) => JSON.stringify([...scope.held]);

/**
 * Due or held listings, oldest display period first (all of them when limit is -1); the state of
 * each comes from shared/rights/retention-policy.
 */
export function candidates(db: PlatformDb, scope: RetentionScope, state: 'due' | 'held', limit: number): CandidateRow[] {
  const rows = db
    .prepare(
      `SELECT id, title, seller_id, display_until, status FROM listings
       WHERE display_until <= @cutoff AND status <> 'anonymised'
         AND seller_id ${state === 'held' ? '' : 'NOT'} IN (SELECT value FROM json_each(@held))
       ORDER BY display_until, id LIMIT @limit`,
    )
    .all({ cutoff: scope.cutoff, held: heldList(scope), limit }) as CandidateRow[];
  return rows.filter((r) => listingRetentionState({ displayUntil: r.display_until, status: r.status }, scope.held.has(r.seller_id), scope.today) === state);
}

export function retentionCount(db: PlatformDb, scope: RetentionScope, state: 'due' | 'held' | 'done'): number {
  if (state === 'done') return (db.prepare('SELECT count(*) AS n FROM retention_log').get() as { n: number }).n;
  const sql = `SELECT count(*) AS n FROM listings WHERE display_until <= @cutoff AND status <> 'anonymised'
    AND seller_id ${state === 'held' ? '' : 'NOT'} IN (SELECT value FROM json_each(@held))`;
  return (db.prepare(sql).get({ cutoff: scope.cutoff, held: heldList(scope) }) as { n: number }).n;
}

const dueOn = (displayUntil: string) => addDays(displayUntil, DEFAULT_DISPLAY_GRACE_DAYS);

interface LogRow { listing_id: string; title: string; seller_id: string; display_until: string; outcome: 'deleted' | 'anonymised'; at: string }

export const listRetention: Handler<PlatformContract['listRetention']> = (ctx, { query }) => {
  const scope = retentionScope(ctx.db, ctx.now());
  let items: RetentionItem[];
  if (query.state === 'done') {
    const rows = ctx.db.prepare('SELECT * FROM retention_log ORDER BY at DESC, listing_id LIMIT ?').all(query.limit) as LogRow[];
    items = rows.map((r) => ({
      listingId: r.listing_id, title: r.title, sellerId: r.seller_id, displayUntil: r.display_until, dueOn: dueOn(r.display_until),
      state: 'done', heldBy: null, doneAt: r.at, outcome: r.outcome,
    }));
  } else {
    items = candidates(ctx.db, scope, query.state, query.limit).map((r) => ({
      listingId: r.id, title: r.title, sellerId: r.seller_id, displayUntil: r.display_until, dueOn: dueOn(r.display_until),
      state: query.state, heldBy: query.state === 'held' ? 'legal_hold' : null, doneAt: null, outcome: null,
    }));
  }
  return { items, total: query.withTotal ? retentionCount(ctx.db, scope, query.state) : null };
};

export interface SweepRow {
  id: string; idempotency_key: string; staff_id: string; staff_name: string | null; at: string; dry_run: number;
  deleted: number; anonymised: number; held: number; listing_ids: string;
}

export const SELECT_SWEEP = 'SELECT w.*, s.display_name AS staff_name FROM retention_sweeps w LEFT JOIN staff s ON s.id = w.staff_id';

export const sweepRecord = (row: SweepRow): RetentionSweep => ({
  id: row.id,
  at: row.at,
  staffName: row.staff_name ?? row.staff_id,
  dryRun: row.dry_run === 1,
  deleted: row.deleted,
  anonymised: row.anonymised,
  held: row.held,
  listingIds: JSON.parse(row.listing_ids) as string[],
});

export const listRetentionSweeps: Handler<PlatformContract['listRetentionSweeps']> = (ctx, { query }) => {
  const rows = ctx.db.prepare(`${SELECT_SWEEP} ORDER BY w.at DESC, w.rowid DESC LIMIT ?`).all(query.limit) as SweepRow[];
  return { sweeps: rows.map(sweepRecord) };
};
