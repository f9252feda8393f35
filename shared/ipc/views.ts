import { z } from 'zod';
import { Category, Listing, ListingReport, ModerationAction, PlatformUser, PriceUnit, StaffProfile } from '../platform/entities';
import { Role } from '../platform/roles';
import { DeskError, DeskErrorCode } from '../errors';

/** Shapes the core shows the renderer: views over the cache, never raw platform records with secrets. */

export const DemoAccount = z.object({ role: Role, username: z.string(), password: z.string() });
export type DemoAccount = z.infer<typeof DemoAccount>;

export const SessionStatus = z.object({
  state: z.enum(['signed_out', 'signed_in']),
  staff: StaffProfile.nullable(),
  platformUrl: z.string(),
  /** The previous sign-in of this account, shown so staff notice a sign-in that was not theirs. */
  lastSignInAt: z.iso.datetime().nullable(),
  /** Present when the console runs against its embedded demo platform. */
  demo: z.object({ accounts: z.array(DemoAccount) }).nullable(),
});
export type SessionStatus = z.infer<typeof SessionStatus>;

export const SyncPhase = z.enum(['idle', 'initial', 'incremental', 'offline']);
export const SyncStatus = z.object({
  phase: SyncPhase,
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative().nullable(),
  lastSyncedAt: z.iso.datetime().nullable(),
  online: z.boolean(),
  pendingOutbox: z.number().int().nonnegative(),
  quarantined: z.number().int().nonnegative(),
});
export type SyncStatus = z.infer<typeof SyncStatus>;

export const QueueSort = z.enum(['oldest', 'newest']);
export const QueueQuery = z.object({
  category: Category.optional(),
  district: z.string().max(20).optional(),
  sort: QueueSort.default('oldest'),
  offset: z.number().int().nonnegative().default(0),
  limit: z.number().int().min(1).max(1000).default(200),
});
export type QueueQuery = z.input<typeof QueueQuery>;

export const QueueRow = z.object({
  id: z.string(),
  title: z.string(),
  category: Category,
  district: z.string(),
  priceFen: z.number().int().nullable(),
  priceUnit: PriceUnit,
  createdAt: z.iso.datetime(),
  reportCount: z.number().int().nonnegative(),
  version: z.number().int().positive(),
});
export type QueueRow = z.infer<typeof QueueRow>;

export const QueuePage = z.object({
  rows: z.array(QueueRow),
  total: z.number().int().nonnegative(),
  districts: z.array(z.string()),
});
export type QueuePage = z.infer<typeof QueuePage>;

export const OutboxState = z.enum(['pending', 'delivering', 'delivered', 'refused']);
export const OutboxEntry = z.object({
  id: z.number().int().positive(),
  idempotencyKey: z.string(),
  listingId: z.string(),
  action: ModerationAction,
  reasonCode: z.string().nullable(),
  state: OutboxState,
  attempts: z.number().int().nonnegative(),
  createdAt: z.iso.datetime(),
  deliveredAt: z.iso.datetime().nullable(),
  /** Why the platform refused it, with the listing's state and who decided first. */
  refusal: DeskError.nullable(),
  /** Why the last try failed (unreachable platform, expired session…), while it is still being retried. */
  lastError: DeskErrorCode.nullable(),
});
export type OutboxEntry = z.infer<typeof OutboxEntry>;

export const ListingDetail = z.object({
  listing: Listing,
  seller: PlatformUser.extend({ otherListingCount: z.number().int().nonnegative() }).nullable(),
  reports: z.array(ListingReport),
  /** A decision on this listing that the platform has not confirmed yet. */
  undelivered: OutboxEntry.nullable(),
});
export type ListingDetail = z.infer<typeof ListingDetail>;
