import { z } from 'zod';
import { Appeal, Decision, Listing, ListingReport, ModerationAction, PlatformUser, StaffProfile } from '../platform/entities';
import { ClaimView, DuplicateClusterView, ListingFlagView } from './moderation-views';
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
  /** Locked after idle time: the staff member stays signed in but must re-enter the password. */
  locked: z.boolean(),
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
  /**
   * The platform answers, but with errors or too slowly, and the core is retrying: the code of
   * the last failure and since when. Null while calls succeed (and while simply offline).
   */
  degraded: z.object({ since: z.iso.datetime(), code: z.string() }).nullable(),
  /** The local cache cannot be written (disk full) or read (damaged): the console says so and offers a rebuild. */
  cacheProblem: z.enum(['disk_full', 'cache_unreadable']).nullable(),
});
export type SyncStatus = z.infer<typeof SyncStatus>;

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
  /** Explainable auto-flags, each with the spans its rule matched. */
  flags: z.array(ListingFlagView),
  /** Who holds the listing, if anyone; actions are for the holder only. */
  claim: ClaimView.nullable(),
  /** Earlier decisions on it, newest last. */
  history: z.array(Decision),
  /** The open appeal against its last decision, if there is one. */
  appeal: Appeal.nullable(),
  /** The near-duplicate cluster it belongs to, if any. */
  cluster: DuplicateClusterView.nullable(),
});
export type ListingDetail = z.infer<typeof ListingDetail>;

/** A change-feed record the core could not accept, kept aside with why, instead of landing. */
export const QuarantineEntry = z.object({
  id: z.number().int().positive(),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  reason: z.string(),
  path: z.string(),
  /** The start of the record as received (at most 300 characters), for whoever investigates. */
  preview: z.string(),
  quarantinedAt: z.iso.datetime(),
  /** When a good version of the same record landed; the entry is kept as history, no longer a problem. */
  resolvedAt: z.iso.datetime().nullable(),
});
export type QuarantineEntry = z.infer<typeof QuarantineEntry>;
