import { z } from 'zod';
import { AccountAction, AccountActionKind, Appeal, Category, Decision, ModerationAction, PlatformUser, PriceUnit } from '../platform/entities';
import { ApiErrorBody, DeskError } from '../errors';

/** The moderation queues. Escalated and Appeals are senior moderators' work. */
export const queueKinds = ['pending', 'reported', 'flagged', 'escalated', 'appeals'] as const;
export const QueueKind = z.enum(queueKinds);
export type QueueKind = z.infer<typeof QueueKind>;

export const flagKinds = ['contact_in_text', 'off_platform_payment', 'prohibited_item', 'price_far_below_median'] as const;
export const FlagKind = z.enum(flagKinds);
export type FlagKind = z.infer<typeof FlagKind>;

/** Where a flag's rule matched, as offsets into the original title or body, for highlighting. */
export const FlagSpan = z.object({
  field: z.enum(['title', 'body']),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
});
export const ListingFlagView = z.object({
  kind: FlagKind,
  rule: z.string(),
  spans: z.array(FlagSpan),
  detail: z.record(z.string(), z.union([z.string(), z.number()])),
  /** A moderator marked it a false positive. */
  dismissed: z.boolean(),
});
export type ListingFlagView = z.infer<typeof ListingFlagView>;

export const ClaimView = z.object({ holderName: z.string(), expiresAt: z.iso.datetime(), mine: z.boolean() });
export type ClaimView = z.infer<typeof ClaimView>;

export const QueueSortKey = z.enum(['oldest', 'newest', 'most_reported', 'price_low', 'price_high']);

export const ModerationQueueQuery = z.object({
  queue: QueueKind.default('pending'),
  category: Category.optional(),
  district: z.string().max(20).optional(),
  flag: FlagKind.optional(),
  /** Only items at least this old. */
  minAgeHours: z.number().int().min(0).max(24 * 365).optional(),
  /** Title and body, substring match in Chinese (three or more characters use the full-text index). */
  search: z.string().trim().max(50).optional(),
  sort: QueueSortKey.default('oldest'),
  offset: z.number().int().nonnegative().default(0),
  limit: z.number().int().min(1).max(1000).default(200),
});
export type ModerationQueueQuery = z.input<typeof ModerationQueueQuery>;

export const ModerationQueueRow = z.object({
  id: z.string(),
  title: z.string(),
  category: Category,
  district: z.string(),
  priceFen: z.number().int().nullable(),
  priceUnit: PriceUnit,
  createdAt: z.iso.datetime(),
  /** When it entered this queue: listed, first reported or appealed. */
  queuedAt: z.iso.datetime(),
  reportCount: z.number().int().nonnegative(),
  reportReasons: z.array(z.string()),
  flags: z.array(FlagKind),
  claim: ClaimView.nullable(),
  /** Older than the queue's target age. */
  overdue: z.boolean(),
  appealId: z.string().nullable(),
  version: z.number().int().positive(),
});
export type ModerationQueueRow = z.infer<typeof ModerationQueueRow>;

export const QueueSummary = z.object({
  queue: QueueKind,
  size: z.number().int().nonnegative(),
  oldestAt: z.iso.datetime().nullable(),
  overdue: z.number().int().nonnegative(),
  targetHours: z.number().positive(),
});
export type QueueSummary = z.infer<typeof QueueSummary>;

/**
 * How far a search's matches are counted and listed: an exact count of a common phrase reads
 * every match (31,000 pending for 可小刀 at a million listings), and no moderator scrolls that far.
 */
export const SEARCH_COUNT_LIMIT = 5_000;

export const ModerationQueuePage = z.object({
  rows: z.array(ModerationQueueRow),
  /** How many rows the filters select; for a search, counted no further than the list goes. */
  total: z.number().int().nonnegative(),
  /** A search matched more than `total`: the list stops there and asks for a narrower search. */
  moreThanTotal: z.boolean(),
  districts: z.array(z.string()),
  /** Every queue the caller may open, with its size and oldest item. */
  summaries: z.array(QueueSummary),
});
export type ModerationQueuePage = z.infer<typeof ModerationQueuePage>;

export const BulkItemResult = z.object({
  listingId: z.string(),
  outcome: z.enum(['applied', 'would_apply', 'undone', 'refused']),
  error: ApiErrorBody.optional(),
});
export const BulkResult = z.object({
  batchId: z.string(),
  dryRun: z.boolean(),
  results: z.array(BulkItemResult),
  undoableUntil: z.iso.datetime().nullable(),
});
export type BulkResult = z.infer<typeof BulkResult>;

/** More than this many items needs the staff member to type the count to confirm. */
export const BULK_CONFIRMATION_THRESHOLD = 20;

export const BulkRequest = z.object({
  dryRun: z.boolean(),
  action: ModerationAction,
  reasonCode: z.string().min(1).max(64).nullable(),
  note: z.string().max(2000).default(''),
  notice: z.string().max(2000).default(''),
  listingIds: z.array(z.string().min(1).max(64)).min(1).max(500),
  /** Required above the threshold: the number of items, typed. */
  confirmation: z.string().max(10).optional(),
});

export const DuplicateClusterView = z.object({
  id: z.string(),
  memberIds: z.array(z.string()),
  /** Each member's title, so a cluster can be listed and acted on before it is opened. */
  titles: z.record(z.string(), z.string()),
  reasons: z.array(z.enum(['similar_text', 'same_phone'])),
  similarity: z.number().min(0).max(1),
});

export const SellerPanel = z.object({
  user: PlatformUser,
  listings: z.array(ModerationQueueRow.pick({ id: true, title: true, category: true, priceFen: true, priceUnit: true, createdAt: true }).extend({ status: z.string() })),
  decisions: z.array(Decision),
  actions: z.array(AccountAction),
});
export type SellerPanel = z.infer<typeof SellerPanel>;

export const AccountActionRequest = z.object({
  userId: z.string().min(1).max(64),
  action: AccountActionKind,
  reasonCode: z.string().min(1).max(64),
  notice: z.string().trim().min(1).max(2000),
  durationDays: z.number().int().min(1).max(365).nullable().default(null),
});

/** Most accounts acted on together: a ban-evasion ring, not a sweep. */
export const ACCOUNT_GROUP_LIMIT = 50;

/**
 * Linked accounts acted on together. The notice is a template: {nickname} is filled for each
 * account, so every user reads their own name.
 */
export const AccountGroupActionRequest = AccountActionRequest.omit({ userId: true }).extend({
  userIds: z
    .array(z.string().min(1).max(64))
    .min(2)
    .max(ACCOUNT_GROUP_LIMIT)
    .refine((ids) => new Set(ids).size === ids.length, 'each account once'),
});

export const AccountGroupResult = z.object({
  /** The group's one name in the audit trail. */
  groupId: z.string(),
  results: z.array(z.object({ userId: z.string(), outcome: z.enum(['applied', 'refused']), error: DeskError.optional() })),
});
export type AccountGroupResult = z.infer<typeof AccountGroupResult>;

export const ModerationDashboard = z.object({
  /** The queues the caller may open, in tab order: the series of the queue-size chart. */
  queues: z.array(QueueKind),
  /** Sizes sampled after syncs while the console ran, and the last point now. */
  queueSizes: z.array(z.object({ at: z.iso.datetime(), sizes: z.partialRecord(QueueKind, z.number().int().nonnegative()) })),
  decisionsPerModerator: z.array(z.object({ day: z.iso.date(), staffName: z.string(), count: z.number().int() })),
  appeals: z.object({ decided: z.number().int(), overturned: z.number().int(), reversalRate: z.number().min(0).max(1).nullable() }),
  medianHoursInQueue: z.number().nonnegative().nullable(),
});
export type ModerationDashboard = z.infer<typeof ModerationDashboard>;

export { Appeal };
