import { Listing, ListingReport, PlatformUser } from '../../../shared/platform/entities';

/**
 * Rows as stored in the cache, and their way back to contract records. Reading back parses with
 * the contract's schema: a row written by an older schema that no longer fits is caught here,
 * at the boundary, instead of surprising the renderer.
 */
export interface ListingRow {
  id: string; seller_id: string; category: string; title: string; body: string; price_fen: number | null;
  price_unit: string; city: string; district: string; contact_phone_masked: string; images: string;
  status: string; escalated: number; display_until: string; version: number; created_at: string; updated_at: string;
}
export interface UserRow {
  id: string; nickname: string; phone_masked: string; status: string; registered_at: string;
  last_login_at: string | null; risk_signals: string; strikes: number; restricted_until: string | null;
  version: number; updated_at: string;
}
export interface ReportRow {
  id: string; listing_id: string; reporter_id: string; reason: string; note: string; created_at: string; version: number;
}

export const listingParams = (l: Listing) => ({ ...l, images: JSON.stringify(l.images), escalated: l.escalated ? 1 : 0 });

export const listingFromRow = (r: ListingRow): Listing =>
  Listing.parse({
    id: r.id, sellerId: r.seller_id, category: r.category, title: r.title, body: r.body, priceFen: r.price_fen,
    priceUnit: r.price_unit, city: r.city, district: r.district, contactPhoneMasked: r.contact_phone_masked,
    images: JSON.parse(r.images), status: r.status, escalated: r.escalated === 1, displayUntil: r.display_until,
    version: r.version, createdAt: r.created_at, updatedAt: r.updated_at,
  });

export const userFromRow = (r: UserRow): PlatformUser =>
  PlatformUser.parse({
    id: r.id, nickname: r.nickname, phoneMasked: r.phone_masked, status: r.status, registeredAt: r.registered_at,
    lastLoginAt: r.last_login_at, riskSignals: JSON.parse(r.risk_signals), strikes: r.strikes,
    restrictedUntil: r.restricted_until, version: r.version, updatedAt: r.updated_at,
  });

export const reportFromRow = (r: ReportRow): ListingReport =>
  ListingReport.parse({
    id: r.id, listingId: r.listing_id, reporterId: r.reporter_id, reason: r.reason, note: r.note,
    createdAt: r.created_at, version: r.version,
  });
