import { z } from 'zod';
import { endpoint, needs } from './endpoint';
import { AccountAction, Appeal, Claim, Decision, FlagFeedback, Listing, ListingReport, PlatformUser } from './entities';
import { pageLimit, queryFlag } from './fields';
import { Disclosure } from './disclosure-entities';
import { LegalHold, Processor } from './legal-entities';
import { RightsTicket } from './rights-entities';

export const entityTypes = [
  'listing', 'user', 'report', 'claim', 'decision', 'account_action', 'appeal', 'flag_feedback', 'rights_ticket', 'legal_hold', 'processor',
  'disclosure',
] as const;
export const EntityType = z.enum(entityTypes);
export type EntityType = z.infer<typeof EntityType>;

const changeOf = <T extends EntityType, R extends z.ZodType>(entityType: T, record: R) =>
  z.object({
    entityType: z.literal(entityType),
    id: z.string().min(1).max(64),
    version: z.number().int().positive(),
    op: z.enum(['upsert', 'delete']),
    /** The record as it is now; null for a delete. */
    record: record.nullable(),
  });

/** One entry of the change feed, validated one by one so a bad record can be quarantined alone. */
export const Change = z
  .discriminatedUnion('entityType', [
    changeOf('listing', Listing),
    changeOf('user', PlatformUser),
    changeOf('report', ListingReport),
    // A claim's id in the feed is its listing's id: one claim per listing at a time.
    changeOf('claim', Claim),
    changeOf('decision', Decision),
    changeOf('account_action', AccountAction),
    changeOf('appeal', Appeal),
    changeOf('flag_feedback', FlagFeedback),
    changeOf('rights_ticket', RightsTicket),
    changeOf('legal_hold', LegalHold),
    changeOf('processor', Processor),
    changeOf('disclosure', Disclosure),
  ])
  .superRefine((change, ctx) => {
    if (change.op === 'upsert' && change.record === null) {
      ctx.addIssue({ code: 'custom', path: ['record'], message: 'an upsert carries its record' });
    }
    const recordId = change.record === null ? change.id : 'id' in change.record ? change.record.id : change.record.listingId;
    if (recordId !== change.id) {
      ctx.addIssue({ code: 'custom', path: ['record', 'id'], message: 'record id differs from change id' });
    }
  });
export type Change = z.infer<typeof Change>;

/** The page without judging its entries: what a client parses before checking each change. */
export const ChangePageEnvelope = z.object({
  changes: z.array(z.unknown()),
  nextCursor: z.string(),
  hasMore: z.boolean(),
  /** Changes left after this page, when asked for with withRemaining=true. */
  remaining: z.number().int().nonnegative().optional(),
});
export type ChangePageEnvelope = z.infer<typeof ChangePageEnvelope>;

export const ChangePage = ChangePageEnvelope.extend({ changes: z.array(Change) });
export type ChangePage = z.infer<typeof ChangePage>;

export const listChanges = endpoint({
  method: 'GET',
  path: '/v1/changes',
  summary: 'Ordered page of changes after a cursor, only of entities the caller may see',
  access: needs('changes:read'),
  query: z.object({
    cursor: z.string().max(512).optional().describe('Opaque; omit to start from the beginning'),
    limit: pageLimit(2000, 500),
    withRemaining: queryFlag,
  }),
  output: ChangePage,
  errors: ['cursor_reset'],
});
