import type { AccountAction, Appeal, Claim, Decision, FlagFeedback, Listing, ListingReport, PlatformUser, RiskSignal } from '../../../shared/platform/entities';
import { maskPhone } from '../../../shared/masking';
import type { PlatformDb } from '../store/database';

/** Rows as stored; the full phone never leaves this file except through a reveal. */
export interface ListingRow {
  id: string; seller_id: string; category: string; title: string; body: string;
  price_fen: number | null; price_unit: string; city: string; district: string;
  contact_phone: string; image_count: number; status: string; escalated: number;
  display_until: string; version: number; created_at: string; updated_at: string;
}
export interface UserRow {
  id: string; nickname: string; phone: string; status: string; registered_at: string;
  last_login_at: string | null; risk_signals: string; device_id: string; last_ip: string;
  strikes: number; restricted_until: string | null; version: number; updated_at: string;
}
export interface ReportRow {
  id: string; listing_id: string; reporter_id: string; reason: string; note: string;
  created_at: string; version: number;
}

/** Image URLs are platform-relative so they survive the sandbox moving to another port. */
export const listingImagePath = (listingId: string, n: number) => `/media/listings/${listingId}/${n}.svg`;

export function listingRecord(row: ListingRow): Listing {
  return {
    id: row.id,
    sellerId: row.seller_id,
    category: row.category as Listing['category'],
    title: row.title,
    body: row.body,
    priceFen: row.price_fen,
    priceUnit: row.price_unit as Listing['priceUnit'],
    city: row.city,
    district: row.district,
    contactPhoneMasked: maskPhone(row.contact_phone),
    images: Array.from({ length: row.image_count }, (_, i) => listingImagePath(row.id, i + 1)),
    status: row.status as Listing['status'],
    escalated: row.escalated === 1,
    displayUntil: row.display_until,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function userRecord(row: UserRow): PlatformUser {
  return {
    id: row.id,
    nickname: row.nickname,
    phoneMasked: maskPhone(row.phone),
    status: row.status as PlatformUser['status'],
    registeredAt: row.registered_at,
    lastLoginAt: row.last_login_at,
    riskSignals: JSON.parse(row.risk_signals) as RiskSignal[],
    strikes: row.strikes,
    restrictedUntil: row.restricted_until,
    version: row.version,
    updatedAt: row.updated_at,
  };
}

export function reportRecord(row: ReportRow): ListingReport {
  return {
    id: row.id,
    listingId: row.listing_id,
    reporterId: row.reporter_id,
    reason: row.reason as ListingReport['reason'],
    note: row.note,
    createdAt: row.created_at,
    version: row.version,
  };
}

export function findListingRow(db: PlatformDb, id: string): ListingRow | undefined {
  return db.prepare('SELECT * FROM listings WHERE id = ?').get(id) as ListingRow | undefined;
}

export function findUserRow(db: PlatformDb, id: string): UserRow | undefined {
  return db.prepare('SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;
}

/** Moderation records: rows joined with the staff member's display name where one acts. */
export interface ClaimRow { listing_id: string; staff_id: string; display_name: string; claimed_at: string; expires_at: string }
export interface DecisionRow {
  id: string; idempotency_key: string; listing_id: string; action: Decision['action']; reason_code: string | null;
  note: string; notice: string; staff_id: string; display_name: string; based_on_version: number; decided_at: string;
  batch_id: string | null; undone_at: string | null; undone_by: string | null; prev_status: string | null; prev_escalated: number | null;
}
export interface AccountActionRow {
  id: string; user_id: string; action: AccountAction['action']; reason_code: string; notice: string;
  duration_days: number | null; staff_id: string; display_name: string; at: string;
}
export interface AppealRow {
  id: string; listing_id: string; decision_id: string; user_id: string; statement: string; evidence: string;
  status: Appeal['status']; outcome_notice: string | null; decided_by: string | null; decided_by_name: string | null;
  decided_at: string | null; created_at: string; version: number;
}
export interface FlagFeedbackRow { id: string; listing_id: string; rule: string; staff_id: string; display_name: string; at: string }

export const SELECT_CLAIM = 'SELECT c.*, s.display_name FROM claims c JOIN staff s ON s.id = c.staff_id';
export const SELECT_DECISION = 'SELECT d.*, s.display_name FROM decisions d JOIN staff s ON s.id = d.staff_id';
export const SELECT_ACCOUNT_ACTION = 'SELECT a.*, s.display_name FROM account_actions a JOIN staff s ON s.id = a.staff_id';
export const SELECT_APPEAL = 'SELECT a.*, s.display_name AS decided_by_name FROM appeals a LEFT JOIN staff s ON s.id = a.decided_by';
export const SELECT_FLAG_FEEDBACK = 'SELECT f.*, s.display_name FROM flag_feedback f JOIN staff s ON s.id = f.staff_id';

export const claimRecord = (row: ClaimRow): Claim => ({
  listingId: row.listing_id,
  holder: { staffId: row.staff_id, displayName: row.display_name },
  claimedAt: row.claimed_at,
  expiresAt: row.expires_at,
});

export const decisionRecord = (row: DecisionRow): Decision => ({
  id: row.id,
  idempotencyKey: row.idempotency_key,
  listingId: row.listing_id,
  action: row.action,
  reasonCode: row.reason_code,
  note: row.note,
  notice: row.notice,
  staffId: row.staff_id,
  staffName: row.display_name,
  basedOnVersion: row.based_on_version,
  decidedAt: row.decided_at,
  batchId: row.batch_id,
  undoneAt: row.undone_at,
  undoneBy: row.undone_by,
});

export const accountActionRecord = (row: AccountActionRow): AccountAction => ({
  id: row.id,
  userId: row.user_id,
  action: row.action,
  reasonCode: row.reason_code,
  notice: row.notice,
  durationDays: row.duration_days,
  staffId: row.staff_id,
  staffName: row.display_name,
  at: row.at,
});

export const appealRecord = (row: AppealRow): Appeal => ({
  id: row.id,
  listingId: row.listing_id,
  decisionId: row.decision_id,
  userId: row.user_id,
  statement: row.statement,
  evidence: JSON.parse(row.evidence) as Appeal['evidence'],
  status: row.status,
  outcomeNotice: row.outcome_notice,
  decidedBy: row.decided_by,
  decidedByName: row.decided_by_name,
  decidedAt: row.decided_at,
  createdAt: row.created_at,
  version: row.version,
});

export const flagFeedbackRecord = (row: FlagFeedbackRow): FlagFeedback => ({
  id: row.id,
  listingId: row.listing_id,
  rule: row.rule,
  verdict: 'false_positive',
  staffId: row.staff_id,
  staffName: row.display_name,
  at: row.at,
});
