import { z } from 'zod';
import { ApiErrorBody } from '../errors';
import { endpoint, needs } from './endpoint';
import { AccountAction, AccountActionKind, Appeal, Decision, FlagFeedback, Listing, ModerationAction, PlatformUser } from './entities';
import { EntityId } from './fields';

/** How long a decision or a batch can be taken back. */
export const UNDO_WINDOW_SECONDS = 60;

const ItemOutcome = z.object({
  listingId: EntityId,
  outcome: z.enum(['applied', 'would_apply', 'undone', 'refused']),
  /** Why this item was refused (a conflict names the current state and who decided). */
  error: ApiErrorBody.optional(),
});

const BatchResult = z.object({
  batchId: z.string(),
  dryRun: z.boolean(),
  results: z.array(ItemOutcome),
  undoableUntil: z.iso.datetime().nullable(),
});

export const runBatch = endpoint({
  method: 'POST',
  path: '/v1/moderation/batches',
  summary: 'Decide many listings at once (a cluster or a selection). A dry run says what would happen; the batch id is its idempotency key and its name in the audit trail',
  access: needs('moderation:bulk'),
  body: z.object({
    batchId: z.string().min(8).max(100),
    dryRun: z.boolean(),
    action: ModerationAction,
    reasonCode: z.string().min(1).max(64).nullable(),
    note: z.string().max(2000).default(''),
    notice: z.string().max(2000).default(''),
    items: z
      .array(
        z.object({
          listingId: EntityId,
          basedOnVersion: z.number().int().positive(),
          /** This item's own notice (the batch's template filled in for its listing); the batch notice otherwise. */
          notice: z.string().max(2000).optional(),
        }),
      )
      .min(1)
      .max(500),
  }),
  output: BatchResult,
  errors: ['idempotency_key_reused'],
});

export const undoBatch = endpoint({
  method: 'POST',
  path: '/v1/moderation/batches/{batchId}/undo',
  summary: `Reverse what a batch applied, within ${UNDO_WINDOW_SECONDS} s, for every listing nobody has changed since`,
  access: needs('moderation:bulk'),
  params: z.object({ batchId: z.string().min(8).max(100) }),
  body: z.object({}),
  output: BatchResult,
  errors: ['not_found', 'undo_window_closed'],
});

export const undoDecision = endpoint({
  method: 'POST',
  path: '/v1/moderation/decisions/{decisionId}/undo',
  summary: `Take back your own decision within ${UNDO_WINDOW_SECONDS} s, if nobody has changed the listing since`,
  access: needs('moderation:decide'),
  params: z.object({ decisionId: EntityId }),
  body: z.object({}),
  output: z.object({ decision: Decision, listing: Listing }),
  errors: ['not_found', 'undo_window_closed', 'stale_version'],
});

export const actOnAccount = endpoint({
  method: 'POST',
  path: '/v1/moderation/accounts/{userId}/actions',
  summary: 'Warn, suspend (for a period) or ban (senior moderators) an account, with the notice its user receives',
  access: needs('accounts:act'),
  params: z.object({ userId: EntityId }),
  body: z
    .object({
      idempotencyKey: z.string().min(8).max(100),
      action: AccountActionKind,
      reasonCode: z.string().min(1).max(64),
      notice: z.string().trim().min(1).max(2000),
      durationDays: z.number().int().min(1).max(365).nullable().default(null),
      basedOnVersion: z.number().int().positive(),
      /** Set when linked accounts are acted on together: the group's one name in the audit trail. */
      groupId: z.string().min(8).max(100).nullable().default(null),
    })
    .superRefine((body, ctx) => {
      if (body.action === 'suspend' && body.durationDays === null) {
        ctx.addIssue({ code: 'custom', path: ['durationDays'], message: 'a suspension needs a period in days' });
      }
    }),
  output: z.object({ action: AccountAction, user: PlatformUser }),
  errors: ['not_found', 'stale_version', 'idempotency_key_reused'],
});

export const linkedAccounts = endpoint({
  method: 'GET',
  path: '/v1/moderation/accounts/{userId}/linked',
  summary: 'Accounts that share a phone, a device or an IP address with this one (ban evasion)',
  access: needs('accounts:act'),
  params: z.object({ userId: EntityId }),
  output: z.object({ links: z.array(z.object({ user: PlatformUser, via: z.array(z.enum(['phone', 'device', 'ip'])).min(1) })) }),
  errors: ['not_found'],
});

export const decideAppeal = endpoint({
  method: 'POST',
  path: '/v1/moderation/appeals/{appealId}/decision',
  summary: 'Uphold or overturn the decision appealed against; refused to the moderator who made it',
  access: needs('appeals:decide'),
  params: z.object({ appealId: EntityId }),
  body: z.object({
    idempotencyKey: z.string().min(8).max(100),
    outcome: z.enum(['uphold', 'overturn']),
    notice: z.string().trim().min(1).max(2000),
    basedOnVersion: z.number().int().positive(),
  }),
  output: z.object({ appeal: Appeal, listing: Listing }),
  errors: ['not_found', 'same_reviewer', 'stale_version', 'already_decided', 'idempotency_key_reused'],
});

export const recordFlagFeedback = endpoint({
  method: 'POST',
  path: '/v1/moderation/flag-feedback',
  summary: 'Record that an auto-flag on a listing was a false positive',
  access: needs('moderation:decide'),
  body: z.object({ listingId: EntityId, rule: z.string().min(1).max(64), verdict: z.literal('false_positive') }),
  output: FlagFeedback,
  errors: ['not_found'],
});
