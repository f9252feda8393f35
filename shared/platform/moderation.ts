import { z } from 'zod';
import { endpoint, needs } from './endpoint';
import { Claim, Decision, Listing, ModerationAction } from './entities';
import { EntityId } from './fields';

export const getListing = endpoint({
  method: 'GET',
  path: '/v1/listings/{listingId}',
  summary: 'One listing as it is now',
  access: needs('listings:read'),
  params: z.object({ listingId: EntityId }),
  output: Listing,
  errors: ['not_found'],
});

export const listClaims = endpoint({
  method: 'GET',
  path: '/v1/moderation/claims',
  summary: 'Claims that have not expired, for showing who holds what',
  access: needs('moderation:claim'),
  output: z.object({ claims: z.array(Claim) }),
  errors: [],
});

export const createClaims = endpoint({
  method: 'POST',
  path: '/v1/moderation/claims',
  summary: 'Claim listings for review (a lease); all or none. Claiming what you already hold renews it',
  access: needs('moderation:claim'),
  body: z.object({ listingIds: z.array(EntityId).min(1).max(50) }),
  output: z.object({ claims: z.array(Claim) }),
  errors: ['claim_conflict', 'not_found'],
});

export const renewClaim = endpoint({
  method: 'POST',
  path: '/v1/moderation/claims/{listingId}/renew',
  summary: 'Extend a claim you hold',
  access: needs('moderation:claim'),
  params: z.object({ listingId: EntityId }),
  body: z.object({}),
  output: Claim,
  errors: ['claim_not_held'],
});

export const releaseClaim = endpoint({
  method: 'DELETE',
  path: '/v1/moderation/claims/{listingId}',
  summary: 'Release a claim you hold; releasing nothing is not an error',
  access: needs('moderation:claim'),
  params: z.object({ listingId: EntityId }),
  output: z.object({ released: z.boolean() }),
  errors: [],
});

/** Actions that tell the user something was wrong must say why. */
export const actionsNeedingReason: readonly ModerationAction[] = ['reject', 'remove', 'request_edit', 'escalate'];

export const DecisionRequest = z
  .object({
    idempotencyKey: z.string().min(8).max(100),
    listingId: EntityId,
    action: ModerationAction,
    reasonCode: z.string().min(1).max(64).nullable().default(null),
    note: z.string().max(2000).default(''),
    /** The message the listing's user receives with the decision. */
    notice: z.string().max(2000).default(''),
    basedOnVersion: z.number().int().positive(),
  })
  .superRefine((req, ctx) => {
    if (actionsNeedingReason.includes(req.action) && req.reasonCode === null) {
      ctx.addIssue({ code: 'custom', path: ['reasonCode'], message: `${req.action} needs a reason code` });
    }
  });
export type DecisionRequest = z.input<typeof DecisionRequest>;

export const decide = endpoint({
  method: 'POST',
  path: '/v1/moderation/decisions',
  summary: 'Decide a listing. The same idempotency key returns the first result without acting twice',
  access: needs('moderation:decide'),
  body: DecisionRequest,
  output: z.object({ decision: Decision, listing: Listing }),
  errors: ['stale_version', 'already_decided', 'invalid_transition', 'claim_conflict', 'idempotency_key_reused', 'not_found'],
});

export const listDecisions = endpoint({
  method: 'GET',
  path: '/v1/moderation/decisions',
  summary: 'Decisions on a listing, or the one made with an idempotency key',
  access: needs('listings:read'),
  query: z
    .object({ listingId: EntityId.optional(), idempotencyKey: z.string().max(100).optional() })
    .refine((q) => q.listingId !== undefined || q.idempotencyKey !== undefined, {
      message: 'give listingId or idempotencyKey',
      path: ['listingId'],
    }),
  output: z.object({ decisions: z.array(Decision) }),
  errors: [],
});
