import { z } from 'zod';
import { PlatformUser } from '../platform/entities';
import { RetentionItem, RetentionSweep, RightsTicket } from '../platform/rights-entities';
import { RefusalReason, RightsRequestType, TicketState, VerificationMethod } from '../rights/ticket-states';

/** What the IPC contract says about rights tickets and retention; the platform's shapes are reused. */

const ticketId = z.string().min(1).max(64);

/** A ticket's deadline as of now, from shared/calendar (working days on the mainland calendar). */
export const TicketDeadline = z.object({
  dueDate: z.iso.date(),
  workingDaysLeft: z.number().int(),
  overdue: z.boolean(),
  paused: z.boolean(),
  /** Counted over a year without an official holiday schedule: may move when it is published. */
  provisional: z.boolean(),
  urgency: z.enum(['overdue', 'due-soon', 'on-track']),
});
export type TicketDeadline = z.infer<typeof TicketDeadline>;

export const TicketRow = RightsTicket.pick({
  id: true, number: true, type: true, state: true, channel: true, userId: true, userNickname: true, userPhoneMasked: true,
  receivedAt: true, legalHold: true, updatedAt: true,
}).extend({
  requesterName: z.string(),
  /** Null once the ticket is closed: no clock runs. */
  deadline: TicketDeadline.nullable(),
});
export type TicketRow = z.infer<typeof TicketRow>;

export const TicketListQuery = z.object({
  view: z.enum(['open', 'closed', 'all']).default('open'),
  type: RightsRequestType.optional(),
  /** A ticket number, a nickname or a masked phone. */
  search: z.string().trim().max(40).optional(),
});

export const RightsTicketDetail = z.object({ ticket: RightsTicket, deadline: TicketDeadline.nullable() });
export type RightsTicketDetail = z.infer<typeof RightsTicketDetail>;

export const AccountMatch = PlatformUser.pick({ id: true, nickname: true, phoneMasked: true, status: true, registeredAt: true });

export const FindAccountsRequest = z
  .object({
    phoneMasked: z.string().regex(/^\d{3}\*{4}\d{4}$/).optional(),
    nickname: z.string().trim().min(1).max(40).optional(),
    listingId: z.string().min(1).max(64).optional(),
  })
  .refine((q) => [q.phoneMasked, q.nickname, q.listingId].filter(Boolean).length === 1, 'exactly one of phoneMasked, nickname, listingId');

export const TicketIntake = z.object({
  type: RightsRequestType,
  channel: z.enum(['phone', 'in_app', 'email']),
  userId: z.string().min(1).max(64),
  requester: z.object({
    name: z.string().trim().min(1).max(40),
    relation: z.enum(['self', 'near_relative', 'agent']),
    contactMasked: z.string().max(80),
  }),
  request: z.string().trim().min(1).max(4000),
  listingIds: z.array(z.string().min(1).max(64)).max(200).default([]),
  correction: z.object({ field: z.enum(['nickname']), value: z.string().trim().min(1).max(40) }).nullable().default(null),
  attachments: z
    .array(z.object({ name: z.string().trim().min(1).max(120), mediaType: z.string().max(100), contentBase64: z.string().max(2_800_000) }))
    .max(10)
    .default([]),
});

const basedOnVersion = z.number().int().positive().optional();

export const VerificationAnswer = z.object({
  ticketId,
  basedOnVersion,
  code: z.string().regex(/^\d{6}$/).optional(),
  phone: z.string().regex(/^1\d{10}$/).optional(),
  listingId: z.string().min(1).max(64).optional(),
  documentsNote: z.string().trim().min(1).max(1000).optional(),
});

export const TicketDecisionRequest = z
  .object({
    ticketId,
    basedOnVersion,
    decision: z.enum(['approve', 'refuse']),
    reasonCode: RefusalReason.nullable().default(null),
    note: z.string().max(2000).default(''),
  })
  .refine((b) => b.decision === 'approve' || b.reasonCode !== null, { path: ['reasonCode'], message: 'a refusal needs a coded reason' });

/** The access package as handed to the user: a JSON file and a readable zh-CN HTML file. */
export const AccessPackage = z.object({
  /** SHA-256 over the files' hashes in order, recorded on the ticket. */
  sha256: z.string(),
  files: z.array(z.object({ name: z.string(), mediaType: z.string(), content: z.string(), sha256: z.string() })),
  detail: RightsTicketDetail,
});

export const RightsDashboard = z.object({
  openByTypeAndState: z.array(z.object({ type: RightsRequestType, state: TicketState, count: z.number().int() })),
  dueThisWeek: z.number().int().nonnegative(),
  overdue: z.number().int().nonnegative(),
  medianDaysToComplete: z.number().nonnegative().nullable(),
  /** Share of closed tickets answered by their due date. */
  onTimeRate: z.number().min(0).max(1).nullable(),
  /** Tickets received per ISO week, for the chart. */
  receivedPerWeek: z.array(z.object({ week: z.string(), count: z.number().int() })),
});
export type RightsDashboard = z.infer<typeof RightsDashboard>;

export { RetentionItem, RetentionSweep, VerificationMethod };
