import { z } from 'zod';
import { queueKinds, type ModerationDashboard, type QueueKind, type SellerPanel } from '../../../shared/ipc/moderation-views';
import { AccountAction, Appeal, Claim, Decision } from '../../../shared/platform/entities';
import type { SqliteDb } from '../storage/migrations';
import { userFromRow, type UserRow } from './rows';

/** Moderation records read back from their JSON column, checked against the contract. */
const parsedAll = <T>(schema: z.ZodType<T>, rows: { record: string }[]) => rows.map((r) => schema.parse(JSON.parse(r.record)));

export function claimOf(db: SqliteDb, listingId: string, now: Date): Claim | null {
  const row = db.prepare('SELECT record FROM claims WHERE listing_id = ? AND expires_at > ?').get(listingId, now.toISOString()) as { record: string } | undefined;
  return row ? Claim.parse(JSON.parse(row.record)) : null;
}

export function storeClaim(db: SqliteDb, claim: Claim): void {
  db.prepare(`INSERT INTO claims (listing_id, staff_id, expires_at, record) VALUES (?, ?, ?, ?)
    ON CONFLICT(listing_id) DO UPDATE SET staff_id = excluded.staff_id, expires_at = excluded.expires_at, record = excluded.record`)
    .run(claim.listingId, claim.holder.staffId, claim.expiresAt, JSON.stringify(claim));
}

export function dropClaim(db: SqliteDb, listingId: string): void {
  db.prepare('DELETE FROM claims WHERE listing_id = ?').run(listingId);
}

export const historyOf = (db: SqliteDb, listingId: string): Decision[] =>
  parsedAll(Decision, db.prepare('SELECT record FROM decisions WHERE listing_id = ? ORDER BY decided_at, id').all(listingId) as { record: string }[]);

export function openAppealOf(db: SqliteDb, listingId: string): Appeal | null {
  const row = db.prepare("SELECT record FROM appeals WHERE listing_id = ? AND status = 'open' ORDER BY created_at DESC LIMIT 1").get(listingId) as
    | { record: string }
    | undefined;
  return row ? Appeal.parse(JSON.parse(row.record)) : null;
}

export function appealById(db: SqliteDb, appealId: string): Appeal | null {
  const row = db.prepare('SELECT record FROM appeals WHERE id = ?').get(appealId) as { record: string } | undefined;
  return row ? Appeal.parse(JSON.parse(row.record)) : null;
}

export function storeModerationRecord(db: SqliteDb, table: 'appeals' | 'account_actions', record: Appeal | AccountAction): void {
  if (table === 'appeals') {
    const appeal = record as Appeal;
    db.prepare(`INSERT INTO appeals (id, listing_id, status, created_at, version, record) VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT(id) DO UPDATE SET status = excluded.status, version = excluded.version, record = excluded.record`)
      .run(appeal.id, appeal.listingId, appeal.status, appeal.createdAt, appeal.version, JSON.stringify(appeal));
    return;
  }
  const action = record as AccountAction;
  db.prepare('INSERT OR REPLACE INTO account_actions (id, user_id, action, at, record) VALUES (?, ?, ?, ?, ?)')
    .run(action.id, action.userId, action.action, action.at, JSON.stringify(action));
}

/** Everything the cache knows about a seller: listings, decisions about them, and actions on the account. */
export function sellerPanel(db: SqliteDb, userId: string): SellerPanel | null {
  const user = db.prepare('SELECT * FROM users WHERE id = ?').get(userId) as UserRow | undefined;
  if (!user) return null;
  const listings = db
    .prepare('SELECT id, title, category, price_fen, price_unit, created_at, status FROM listings WHERE seller_id = ? ORDER BY created_at DESC LIMIT 200')
    .all(userId) as { id: string; title: string; category: SellerPanel['listings'][number]['category']; price_fen: number | null; price_unit: SellerPanel['listings'][number]['priceUnit']; created_at: string; status: string }[];
  const decisions = db
    .prepare('SELECT d.record FROM decisions d JOIN listings l ON l.id = d.listing_id WHERE l.seller_id = ? ORDER BY d.decided_at DESC LIMIT 200')
    .all(userId) as { record: string }[];
  const actions = db.prepare('SELECT record FROM account_actions WHERE user_id = ? ORDER BY at DESC').all(userId) as { record: string }[];
  return {
    user: userFromRow(user),
    listings: listings.map((l) => ({ id: l.id, title: l.title, category: l.category, priceFen: l.price_fen, priceUnit: l.price_unit, createdAt: l.created_at, status: l.status })),
    decisions: parsedAll(Decision, decisions),
    actions: parsedAll(AccountAction, actions),
  };
}

export type QueueSizes = Record<QueueKind, number>;

export function recordQueueSnapshot(db: SqliteDb, at: Date, sizes: QueueSizes): void {
  db.prepare('INSERT OR REPLACE INTO queue_snapshots (at, pending, reported, flagged, escalated, appeals) VALUES (@at, @pending, @reported, @flagged, @escalated, @appeals)').run({
    at: at.toISOString(),
    ...sizes,
  });
}

const median = (values: number[]): number | null => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/**
 * The dashboard over the last two weeks of what the cache holds, for the queues the caller may
 * open; `current` is the queues' sizes now, the chart's last point.
 */
export function moderationDashboard(db: SqliteDb, now: Date, current: Partial<QueueSizes>): ModerationDashboard {
  const since = new Date(now.getTime() - 14 * 86_400_000).toISOString();
  const queues = queueKinds.filter((q) => current[q] !== undefined);
  const snapshots = db.prepare('SELECT * FROM queue_snapshots WHERE at >= ? ORDER BY at').all(since) as ({ at: string } & Record<QueueKind, number | null>)[];
  const queueSizes = [
    // A snapshot from before a queue was recorded would draw a false zero: it is left out.
    ...snapshots.filter((row) => queues.every((q) => row[q] !== null)).map((row) => ({ at: row.at, sizes: Object.fromEntries(queues.map((q) => [q, row[q]!])) })),
    { at: now.toISOString(), sizes: current },
  ];
  const perModerator = db
    .prepare(`SELECT substr(decided_at, 1, 10) AS day, json_extract(record, '$.staffName') AS staffName, count(*) AS count
              FROM decisions WHERE decided_at >= ? AND undone_at IS NULL GROUP BY day, staffName ORDER BY day, staffName`)
    .all(since) as ModerationDashboard['decisionsPerModerator'];
  const appeals = db.prepare("SELECT count(*) AS decided, sum(status = 'overturned') AS overturned FROM appeals WHERE status <> 'open'").get() as {
    decided: number;
    overturned: number | null;
  };
  const waits = db
    .prepare(`SELECT (julianday(d.decided_at) - julianday(l.created_at)) * 24 AS hours
              FROM decisions d JOIN listings l ON l.id = d.listing_id WHERE d.decided_at >= ? AND d.undone_at IS NULL`)
    .all(since) as { hours: number }[];
  const medianHours = median(waits.map((w) => w.hours).filter((h) => h >= 0));
  return {
    queues,
    queueSizes,
    decisionsPerModerator: perModerator,
    appeals: { decided: appeals.decided, overturned: appeals.overturned ?? 0, reversalRate: appeals.decided ? (appeals.overturned ?? 0) / appeals.decided : null },
    medianHoursInQueue: medianHours === null ? null : Math.round(medianHours * 10) / 10,
  };
}
