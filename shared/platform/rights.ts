import { z } from 'zod';
import { RefusalReason, RightsRequestType, VerificationMethod } from '../rights/ticket-states';
import { endpoint, needs } from './endpoint';
import { PlatformUser } from './entities';
import { EntityId, pageLimit, queryFlag } from './fields';
import { LegalHold, Processor } from './legal-entities';
import { IntakeChannel, Requester, RetentionItem, RetentionSweep, RightsTicket } from './rights-entities';

/**
 * Rights requests (个人信息权利请求) and retention. Every write names the ticket version it was
 * based on; the platform keeps the state machine (shared/rights/ticket-states) and the law's
 * retention rules (shared/rights/retention-policy), so no client can skip a step.
 */

const basedOnVersion = z.number().int().positive();
const ticketRef = z.object({ ticketId: EntityId });
const ticketAnswer = z.object({ ticket: RightsTicket });

/** An attachment as uploaded: at most 2 MB of base64 each. */
const AttachmentUpload = z.object({
  name: z.string().trim().min(1).max(120),
  mediaType: z.string().regex(/^[\w.+-]+\/[\w.+-]+$/).max(100),
  contentBase64: z.string().max(2_800_000).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64'),
});

export const findAccounts = endpoint({
  method: 'GET',
  path: '/v1/rights/accounts',
  summary: 'Find the account a request concerns by masked phone (135****7162), nickname or one of its listing ids',
  access: needs('rights:write'),
  query: z
    .object({
      phoneMasked: z.string().regex(/^\d{3}\*{4}\d{4}$/).optional(),
      nickname: z.string().trim().min(1).max(40).optional(),
      listingId: EntityId.optional(),
    })
    .refine((q) => [q.phoneMasked, q.nickname, q.listingId].filter(Boolean).length === 1, 'exactly one of phoneMasked, nickname, listingId'),
  output: z.object({ accounts: z.array(PlatformUser).max(20) }),
  errors: [],
});

export const createTicket = endpoint({
  method: 'POST',
  path: '/v1/rights/tickets',
  summary: 'Open a rights ticket from a call, the app or an email; its deadline starts at receivedAt',
  access: needs('rights:write'),
  body: z.object({
    idempotencyKey: z.string().min(8).max(100),
    type: RightsRequestType,
    channel: IntakeChannel,
    userId: EntityId,
    requester: Requester,
    request: z.string().trim().min(1).max(4000),
    listingIds: z.array(EntityId).max(200).default([]),
    correction: z.object({ field: z.enum(['nickname']), value: z.string().trim().min(1).max(40) }).nullable().default(null),
    attachments: z.array(AttachmentUpload).max(10).default([]),
    /** When the request reached the platform (an email read the next morning was received the evening before). */
    receivedAt: z.iso.datetime().optional(),
  }),
  output: ticketAnswer,
  errors: ['not_found', 'idempotency_key_reused', 'payload_too_large'],
});

export const startVerification = endpoint({
  method: 'POST',
  path: '/v1/rights/tickets/{ticketId}/verification',
  summary: "Ask the requester to prove who they are with what registration collected (an SMS code to the registered phone, or that phone and a recent listing; a relative's documents). The deadline pauses until they answer",
  access: needs('rights:write'),
  params: ticketRef,
  body: z.object({ method: VerificationMethod, basedOnVersion }),
  output: ticketAnswer,
  errors: ['not_found', 'stale_version', 'invalid_transition'],
});

export const checkVerification = endpoint({
  method: 'POST',
  path: '/v1/rights/tickets/{ticketId}/verification/answer',
  summary: 'Check the requester\'s answer. A wrong answer uses an attempt; the last failed attempt refuses the ticket as identity_not_verified',
  access: needs('rights:write'),
  params: ticketRef,
  body: z.object({
    basedOnVersion,
    /** sms_code: the six digits the requester read out. */
    code: z.string().regex(/^\d{6}$/).optional(),
    /** phone_and_listing: the full registered phone as the requester states it, and one of their listing ids. */
    phone: z.string().regex(/^1\d{10}$/).optional(),
    listingId: EntityId.optional(),
    /** relative_documents: what the agent checked (death certificate, proof of kinship). */
    documentsNote: z.string().trim().min(1).max(1000).optional(),
  }),
  output: z.object({ ticket: RightsTicket, passed: z.boolean() }),
  errors: ['not_found', 'stale_version', 'invalid_transition', 'validation_failed'],
});

export const decideTicket = endpoint({
  method: 'POST',
  path: '/v1/rights/tickets/{ticketId}/decision',
  summary: 'Approve a verified request, or refuse it with a coded reason',
  access: needs('rights:write'),
  params: ticketRef,
  body: z
    .object({ decision: z.enum(['approve', 'refuse']), reasonCode: RefusalReason.nullable().default(null), note: z.string().max(2000).default(''), basedOnVersion })
    .refine((b) => b.decision === 'approve' || b.reasonCode !== null, { path: ['reasonCode'], message: 'a refusal needs a coded reason' }),
  output: ticketAnswer,
  errors: ['not_found', 'stale_version', 'invalid_transition'],
});

export const executeTicket = endpoint({
  method: 'POST',
  path: '/v1/rights/tickets/{ticketId}/execution',
  summary: 'Carry out an approved correction, deletion or cancellation, keep what the law requires (anonymised, with its basis), create processor deletion tasks, and verify by re-reading. Refused while a legal hold covers it',
  access: needs('rights:write'),
  params: ticketRef,
  body: z.object({ idempotencyKey: z.string().min(8).max(100), basedOnVersion }),
  output: ticketAnswer,
  errors: ['not_found', 'stale_version', 'invalid_transition', 'legal_hold', 'idempotency_key_reused'],
});

export const confirmProcessorTask = endpoint({
  method: 'POST',
  path: '/v1/rights/tickets/{ticketId}/processor-tasks/{taskId}/confirmation',
  summary: 'Record that a processor confirmed deleting the user\'s data',
  access: needs('rights:write'),
  params: z.object({ ticketId: EntityId, taskId: EntityId }),
  body: z.object({ reference: z.string().trim().min(1).max(200), basedOnVersion }),
  output: ticketAnswer,
  errors: ['not_found', 'stale_version', 'invalid_transition'],
});

/** The user's own data for an access request; other people's personal data already redacted. */
export const AccessData = z.object({
  generatedAt: z.iso.datetime(),
  account: z.object({ id: EntityId, nickname: z.string(), phone: z.string(), status: z.string(), registeredAt: z.iso.datetime(), lastLoginAt: z.iso.datetime().nullable() }),
  listings: z.array(z.object({ id: EntityId, title: z.string(), body: z.string(), category: z.string(), priceFen: z.number().int().nullable(), status: z.string(), createdAt: z.iso.datetime(), displayUntil: z.iso.date() })),
  loginSummary: z.object({ count: z.number().int(), first: z.iso.datetime().nullable(), last: z.iso.datetime().nullable(), regions: z.array(z.string()) }),
  reportsMade: z.array(z.object({ listingId: EntityId, reason: z.string(), createdAt: z.iso.datetime() })),
  decisionsAbout: z.array(z.object({ listingId: EntityId, action: z.string(), reasonCode: z.string().nullable(), notice: z.string(), decidedAt: z.iso.datetime() })),
  transactions: z.array(z.object({ id: EntityId, role: z.enum(['buyer', 'seller']), amountFen: z.number().int(), counterparty: z.string(), at: z.iso.datetime() })),
});
export type AccessData = z.infer<typeof AccessData>;

export const getAccessData = endpoint({
  method: 'GET',
  path: '/v1/rights/tickets/{ticketId}/access-data',
  summary: "An approved access request's export of the user's personal information, other users' data redacted (audited)",
  access: needs('rights:write'),
  params: ticketRef,
  output: AccessData,
  errors: ['not_found', 'invalid_transition'],
});

export const recordAccessPackage = endpoint({
  method: 'POST',
  path: '/v1/rights/tickets/{ticketId}/access-package',
  summary: 'Record the SHA-256 of the package handed to the user, and of each file in it',
  access: needs('rights:write'),
  params: ticketRef,
  body: z.object({
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    files: z.array(z.object({ name: z.string().min(1).max(120), sha256: z.string().regex(/^[0-9a-f]{64}$/) })).min(1).max(10),
    basedOnVersion,
  }),
  output: ticketAnswer,
  errors: ['not_found', 'stale_version', 'invalid_transition'],
});

export const sendReply = endpoint({
  method: 'POST',
  path: '/v1/rights/tickets/{ticketId}/reply',
  summary: 'Send the reply letter. It completes an approved access or explanation request',
  access: needs('rights:write'),
  params: ticketRef,
  body: z.object({ text: z.string().trim().min(1).max(8000), basedOnVersion }),
  output: ticketAnswer,
  errors: ['not_found', 'stale_version', 'invalid_transition'],
});

export const listRetention = endpoint({
  method: 'GET',
  path: '/v1/retention/listings',
  summary: 'Listings past their display period plus grace: due for deletion or anonymisation, held, or done',
  access: needs('retention:read'),
  query: z.object({ state: z.enum(['due', 'held', 'done']), limit: pageLimit(500, 100), withTotal: queryFlag }),
  output: z.object({ items: z.array(RetentionItem), total: z.number().int().nonnegative().nullable() }),
  errors: [],
});

export const runRetentionSweep = endpoint({
  method: 'POST',
  path: '/v1/retention/sweeps',
  summary: 'Delete or anonymise every listing due; held ones are skipped and counted. A dry run says what it would do',
  access: needs('retention:sweep'),
  body: z.object({ idempotencyKey: z.string().min(8).max(100), dryRun: z.boolean() }),
  output: z.object({ sweep: RetentionSweep }),
  errors: ['idempotency_key_reused'],
});

export const listRetentionSweeps = endpoint({
  method: 'GET',
  path: '/v1/retention/sweeps',
  summary: 'The log of retention sweeps, newest first',
  access: needs('retention:read'),
  query: z.object({ limit: pageLimit(200, 50) }),
  output: z.object({ sweeps: z.array(RetentionSweep) }),
  errors: [],
});

export const listLegalHolds = endpoint({
  method: 'GET',
  path: '/v1/legal/holds',
  summary: 'Legal holds, current and lifted (legal staff and the DPO)',
  access: needs('legal:read'),
  query: z.object({ userId: EntityId.optional() }),
  output: z.object({ holds: z.array(LegalHold) }),
  errors: [],
});

export const listProcessors = endpoint({
  method: 'GET',
  path: '/v1/legal/processors',
  summary: 'The processor register: who receives which categories of personal data, and why',
  access: needs('legal:read'),
  output: z.object({ processors: z.array(Processor) }),
  errors: [],
});
