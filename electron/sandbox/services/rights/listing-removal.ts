import { listingFate, recordFate, type RecordFate } from '../../../../shared/rights/execution-steps';
import type { PlatformDb } from '../../store/database';
import { recordChange } from '../change-log';
import { ANONYMISED_LISTING_TITLE, ANONYMISED_PHONE } from './anonymous-values';

export interface TransactionFate {
  id: string;
  fate: RecordFate;
}

/** What removing one listing does: it goes, or stays anonymised while the law keeps one of its transactions. */
export interface ListingRemoval {
  listingId: string;
  fate: RecordFate;
  transactions: TransactionFate[];
}

/** Decides without writing, so a dry run and the real thing agree. */
export function planListingRemoval(db: PlatformDb, listingId: string, now: Date): ListingRemoval {
  const rows = db.prepare('SELECT id, at FROM transactions WHERE listing_id = ? ORDER BY id').all(listingId) as { id: string; at: string }[];
  const transactions = rows.map((t) => ({ id: t.id, fate: recordFate('transaction', t.at, now) }));
  return { listingId, fate: listingFate(transactions.map((t) => t.fate)), transactions };
}

/** Deletes a transaction the law no longer keeps, or marks a kept one anonymised. */
export function settleTransactions(db: PlatformDb, fates: readonly TransactionFate[]): void {
  const remove = db.prepare('DELETE FROM transactions WHERE id = ?');
  const anonymise = db.prepare('UPDATE transactions SET anonymised = 1 WHERE id = ?');
  for (const t of fates) (t.fate.outcome === 'deleted' ? remove : anonymise).run(t.id);
}

/** Moderation records that quote or point at the listing's content go with it. */
function dropModerationTraces(db: PlatformDb, listingId: string): void {
  const gone = (table: string, entityType: 'claim' | 'appeal' | 'report', idColumn: string) => {
    const ids = db.prepare(`SELECT ${idColumn} AS id FROM ${table} WHERE listing_id = ?`).all(listingId) as { id: string }[];
    db.prepare(`DELETE FROM ${table} WHERE listing_id = ?`).run(listingId);
    for (const { id } of ids) recordChange(db, entityType, id, 'delete');
  };
  gone('claims', 'claim', 'listing_id');
  // An appeal carries a copy of the listing's text.
  gone('appeals', 'appeal', 'id');
  // Reports on content that no longer exists have nothing left to moderate.
  gone('reports', 'report', 'id');
}

/**
 * Carries out a plan. An anonymised listing keeps what the transaction record needs (category,
 * price, district) and its seller only as an internal id; its words, images and contact go.
 * Call inside a transaction.
 */
export function applyListingRemoval(db: PlatformDb, removal: ListingRemoval, at: string): void {
  dropModerationTraces(db, removal.listingId);
  settleTransactions(db, removal.transactions);
  if (removal.fate.outcome === 'deleted') {
    db.prepare('DELETE FROM listings WHERE id = ?').run(removal.listingId);
    recordChange(db, 'listing', removal.listingId, 'delete');
    return;
  }
  db.prepare(
    `UPDATE listings SET status = 'anonymised', title = ?, body = '', contact_phone = ?, image_count = 0, escalated = 0,
       version = version + 1, updated_at = ? WHERE id = ?`,
  ).run(ANONYMISED_LISTING_TITLE, ANONYMISED_PHONE, at, removal.listingId);
  recordChange(db, 'listing', removal.listingId);
}
