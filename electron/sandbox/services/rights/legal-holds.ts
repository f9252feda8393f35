import type { PlatformContract } from '../../../../shared/platform/contract';
import type { HoldScope, LegalHold } from '../../../../shared/platform/legal-entities';
import { holdBlocks, holdKeepsListings, type HoldTerms } from '../../../../shared/rights/legal-hold-coverage';
import type { RightsRequestType } from '../../../../shared/rights/ticket-states';
import type { Handler } from '../../http/router';
import type { PlatformDb } from '../../store/database';

export interface HoldRow {
  id: string; user_id: string; source: LegalHold['source']; reference: string; reason: string; scope: string;
  placed_by: string; placed_by_name: string | null; placed_at: string; expires_at: string | null;
  lifted_at: string | null; lifted_by: string | null; lift_reason: string | null; renewals: string;
  idempotency_key: string | null; request_hash: string | null; version: number;
}

export const SELECT_HOLD = 'SELECT h.*, s.display_name AS placed_by_name FROM legal_holds h LEFT JOIN staff s ON s.id = h.placed_by';

export const holdRecord = (row: HoldRow): LegalHold => ({
  id: row.id,
  userId: row.user_id,
  source: row.source,
  reference: row.reference,
  reason: row.reason,
  scope: JSON.parse(row.scope) as HoldScope[],
  placedBy: row.placed_by,
  // Seeded holds may name staff the platform has not created yet.
  placedByName: row.placed_by_name ?? row.placed_by,
  placedAt: row.placed_at,
  expiresAt: row.expires_at,
  liftedAt: row.lifted_at,
  liftedBy: row.lifted_by,
  liftReason: row.lift_reason,
  renewals: JSON.parse(row.renewals) as LegalHold['renewals'],
  version: row.version,
});

function termsOf(db: PlatformDb, userId: string): HoldTerms[] {
  const rows = db.prepare('SELECT scope, expires_at, lifted_at FROM legal_holds WHERE user_id = ?').all(userId) as Pick<HoldRow, 'scope' | 'expires_at' | 'lifted_at'>[];
  return rows.map((r) => ({ scope: JSON.parse(r.scope) as HoldScope[], expiresAt: r.expires_at, liftedAt: r.lifted_at }));
}

/** Whether a hold stops this request on this account now; its details never leave legal staff. */
export function requestHeld(db: PlatformDb, userId: string, type: RightsRequestType, now: Date): boolean {
  return termsOf(db, userId).some((hold) => holdBlocks(hold, type, now));
}

/** Accounts whose listings a hold keeps past their display period. Holds are few, so this is a small set. */
export function sellersWithHeldListings(db: PlatformDb, now: Date): Set<string> {
  const rows = db.prepare('SELECT user_id, scope, expires_at, lifted_at FROM legal_holds WHERE lifted_at IS NULL').all() as Pick<
    HoldRow,
    'user_id' | 'scope' | 'expires_at' | 'lifted_at'
  >[];
  const held = rows.filter((r) => holdKeepsListings({ scope: JSON.parse(r.scope) as HoldScope[], expiresAt: r.expires_at, liftedAt: r.lifted_at }, now));
  return new Set(held.map((r) => r.user_id));
}

export const listLegalHolds: Handler<PlatformContract['listLegalHolds']> = (ctx, { query }) => {
  const rows = (
    query.userId === undefined
      ? ctx.db.prepare(`${SELECT_HOLD} ORDER BY h.placed_at DESC, h.id`).all()
      : ctx.db.prepare(`${SELECT_HOLD} WHERE h.user_id = ? ORDER BY h.placed_at DESC, h.id`).all(query.userId)
  ) as HoldRow[];
  return { holds: rows.map(holdRecord) };
};
