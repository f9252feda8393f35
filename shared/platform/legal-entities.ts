import { z } from 'zod';

/**
 * Legal holds and processors: records that legal staff manage ([L]) and that rights requests
 * obey. A customer-service agent never receives them: a ticket says only that a hold exists.
 */

const Id = z.string().min(1).max(64);
const Timestamp = z.iso.datetime();

/** What a hold covers on an account; `all` is everything the platform holds about it. */
export const holdScopes = ['account', 'listings', 'transactions', 'login_logs', 'all'] as const;
export const HoldScope = z.enum(holdScopes);
export type HoldScope = z.infer<typeof HoldScope>;

export const holdSources = ['disclosure', 'preservation_notice', 'investigation'] as const;

export const LegalHold = z.object({
  id: Id,
  userId: Id,
  source: z.enum(holdSources),
  /** The notice or case it comes from (文书编号 or internal reference). */
  reference: z.string().max(100),
  reason: z.string().max(1000),
  scope: z.array(HoldScope).min(1),
  placedBy: Id,
  placedByName: z.string(),
  placedAt: Timestamp,
  expiresAt: Timestamp.nullable(),
  liftedAt: Timestamp.nullable(),
  liftedBy: Id.nullable(),
  liftReason: z.string().max(1000).nullable(),
  /** Each renewal for a new term (a freeze notice renewed), oldest first. */
  renewals: z.array(
    z.object({ at: Timestamp, staffName: z.string(), reference: z.string().max(100), previousExpiresAt: Timestamp.nullable(), expiresAt: Timestamp }),
  ),
  version: z.number().int().positive(),
});
export type LegalHold = z.infer<typeof LegalHold>;

export const processorKinds = ['cloud', 'analytics', 'sms', 'payment', 'customer_service', 'other'] as const;

/** A company that processes users' personal information for the platform (policy 四.1). */
export const Processor = z.object({
  id: Id,
  name: z.string().min(1).max(100),
  kind: z.enum(processorKinds),
  dataCategories: z.array(z.string().min(1).max(40)).min(1),
  purpose: z.string().max(500),
  agreementDate: z.iso.date(),
  reviewDate: z.iso.date(),
  /** Where deletion requests for users' data are sent. */
  deletionContact: z.string().max(200),
  version: z.number().int().positive(),
});
export type Processor = z.infer<typeof Processor>;
