import type { Listing, ListingReport, PlatformUser, RiskSignal } from '../../../shared/platform/entities';
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
  version: number; updated_at: string;
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
