import { z } from 'zod';
import { Role } from './roles';

/** Ids are opaque strings with a readable prefix (lst_, usr_, rpt_, stf_, dec_). */
const Id = z.string().min(1).max(64);
const Timestamp = z.iso.datetime().describe('UTC ISO-8601');

/** Masked per GB/T 35273 §7.2 style: keep 3 leading and 4 trailing digits (135****7162). */
export const MaskedPhone = z.string().regex(/^\d{3}\*{4}\d{4}$/, 'must be a masked phone like 135****7162');

/** An image is an absolute URL or a path on the platform's own origin (resolved by the client). */
export const ImageRef = z
  .string()
  .max(500)
  .regex(/^(https?:\/\/|\/)\S*$/, 'must be an http(s) URL or a platform path starting with /');

export const categories = ['second_hand', 'housing', 'jobs', 'local_services', 'used_cars', 'pets'] as const;
export const Category = z.enum(categories);
export type Category = z.infer<typeof Category>;

export const listingStatuses = ['pending', 'published', 'rejected', 'removed', 'expired', 'anonymised'] as const;
export const ListingStatus = z.enum(listingStatuses);
export type ListingStatus = z.infer<typeof ListingStatus>;

/** What the price is per: a sale, a month of rent or salary, a day or an hour of service. */
export const PriceUnit = z.enum(['item', 'month', 'day', 'hour']);
export type PriceUnit = z.infer<typeof PriceUnit>;

export const moderationActions = ['approve', 'reject', 'remove', 'request_edit', 'escalate'] as const;
export const ModerationAction = z.enum(moderationActions);
export type ModerationAction = z.infer<typeof ModerationAction>;

export const Listing = z.object({
  id: Id,
  sellerId: Id,
  category: Category,
  title: z.string().min(1).max(120),
  body: z.string().max(5000),
  /** Integer fen (1/100 yuan); null means 面议 (price on request). */
  priceFen: z.number().int().nonnegative().nullable(),
  priceUnit: PriceUnit,
  city: z.string().min(1).max(20),
  district: z.string().min(1).max(20),
  contactPhoneMasked: MaskedPhone,
  images: z.array(ImageRef).max(12),
  status: ListingStatus,
  /** Set while a moderator has escalated it and a senior has not decided yet. */
  escalated: z.boolean(),
  displayUntil: z.iso.date(),
  version: z.number().int().positive(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Listing = z.infer<typeof Listing>;

export const userStatuses = ['active', 'warned', 'suspended', 'banned', 'cancelled', 'anonymised'] as const;
export const UserStatus = z.enum(userStatuses);

export const RiskSignal = z.object({
  kind: z.enum(['new_region', 'failed_login_burst', 'shared_device', 'shared_phone']),
  detail: z.string().max(200),
  at: Timestamp,
});
export type RiskSignal = z.infer<typeof RiskSignal>;

export const PlatformUser = z.object({
  id: Id,
  nickname: z.string().min(1).max(40),
  phoneMasked: MaskedPhone,
  status: UserStatus,
  registeredAt: Timestamp,
  lastLoginAt: Timestamp.nullable(),
  riskSignals: z.array(RiskSignal).max(50),
  /** Warnings, suspensions and bans so far: the account's record. */
  strikes: z.number().int().nonnegative(),
  /** Until when a suspension holds; null when none does. */
  restrictedUntil: Timestamp.nullable(),
  version: z.number().int().positive(),
  updatedAt: Timestamp,
});
export type PlatformUser = z.infer<typeof PlatformUser>;

export const reportReasons = [
  'fraud', 'prohibited_item', 'contact_in_text', 'duplicate', 'wrong_category', 'misleading_price', 'offensive', 'other',
] as const;
export const ReportReason = z.enum(reportReasons);

export const ListingReport = z.object({
  id: Id,
  listingId: Id,
  reporterId: Id,
  reason: ReportReason,
  note: z.string().max(500),
  createdAt: Timestamp,
  version: z.number().int().positive(),
});
export type ListingReport = z.infer<typeof ListingReport>;

export const StaffProfile = z.object({
  id: Id,
  username: z.string(),
  displayName: z.string(),
  roles: z.array(Role).min(1),
});
export type StaffProfile = z.infer<typeof StaffProfile>;

export const Claim = z.object({
  listingId: Id,
  holder: z.object({ staffId: Id, displayName: z.string() }),
  claimedAt: Timestamp,
  expiresAt: Timestamp,
});
export type Claim = z.infer<typeof Claim>;

/**
 * Bounded as the requests that create decisions are (a bulk item's key is its batch id and listing
 * id), so a record no request could have made — a 100,000-character key — is quarantined, not cached.
 */
export const Decision = z.object({
  id: Id,
  idempotencyKey: z.string().max(200),
  listingId: Id,
  action: ModerationAction,
  reasonCode: z.string().max(64).nullable(),
  note: z.string().max(2000),
  notice: z.string().max(2000),
  staffId: Id,
  staffName: z.string().max(100),
  basedOnVersion: z.number().int().positive(),
  decidedAt: Timestamp,
  /** Set when the decision was part of a bulk action. */
  batchId: z.string().max(100).nullable(),
  /** Set when it was undone within its window, with who undid it. */
  undoneAt: Timestamp.nullable(),
  undoneBy: Id.nullable(),
});
export type Decision = z.infer<typeof Decision>;

export const accountActions = ['warn', 'suspend', 'ban'] as const;
export const AccountActionKind = z.enum(accountActions);
export type AccountActionKind = z.infer<typeof AccountActionKind>;

/** A warning, suspension or ban of a platform account, with the notice its user received. */
export const AccountAction = z.object({
  id: Id,
  userId: Id,
  action: AccountActionKind,
  reasonCode: z.string(),
  notice: z.string(),
  /** Suspensions only. */
  durationDays: z.number().int().positive().nullable(),
  staffId: Id,
  staffName: z.string(),
  at: Timestamp,
});
export type AccountAction = z.infer<typeof AccountAction>;

export const appealStatuses = ['open', 'upheld', 'overturned'] as const;

/** A user's appeal against a moderation decision; decided by someone other than the first moderator. */
export const Appeal = z.object({
  id: Id,
  listingId: Id,
  decisionId: Id,
  userId: Id,
  statement: z.string().max(2000),
  /** The listing as the first moderator saw it. */
  evidence: z.object({ title: z.string(), body: z.string(), priceFen: z.number().int().nullable() }),
  status: z.enum(appealStatuses),
  outcomeNotice: z.string().nullable(),
  decidedBy: Id.nullable(),
  decidedByName: z.string().nullable(),
  decidedAt: Timestamp.nullable(),
  createdAt: Timestamp,
  version: z.number().int().positive(),
});
export type Appeal = z.infer<typeof Appeal>;

/** A moderator's verdict that an auto-flag was wrong, kept so the rules can learn and others see it. */
export const FlagFeedback = z.object({
  id: Id,
  listingId: Id,
  rule: z.string().max(64),
  verdict: z.literal('false_positive'),
  staffId: Id,
  staffName: z.string(),
  at: Timestamp,
});
export type FlagFeedback = z.infer<typeof FlagFeedback>;

export const AuditEvent = z.object({
  seq: z.number().int().positive(),
  at: Timestamp,
  staffId: Id.nullable(),
  action: z.string(),
  subject: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
  prevHash: z.string(),
  hash: z.string(),
});
export type AuditEvent = z.infer<typeof AuditEvent>;
