import { z } from 'zod';
import { PersonalDataSubject, RetentionBasis } from '../rights/retention-policy';
import { RefusalReason, RightsRequestType, TicketState, VerificationMethod } from '../rights/ticket-states';
import { MaskedPhone } from './entities';

const Id = z.string().min(1).max(64);
const Timestamp = z.iso.datetime();
const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 in lower-case hex');

export const intakeChannels = ['phone', 'in_app', 'email'] as const;
export const IntakeChannel = z.enum(intakeChannels);

/** Who asked: the user, a near relative of a deceased user, or someone acting for the user. */
export const requesterRelations = ['self', 'near_relative', 'agent'] as const;

export const Requester = z.object({
  name: z.string().trim().min(1).max(40),
  relation: z.enum(requesterRelations),
  /** How to reach them, masked like any contact detail (phone 135****7162 or an email a***@qq.com). */
  contactMasked: z.string().max(80),
});

export const AttachmentRef = z.object({
  id: Id,
  name: z.string().min(1).max(120),
  mediaType: z.string().max(100),
  sizeBytes: z.number().int().nonnegative(),
  sha256: Sha256,
});

/** One thing execution did to the user's data, and why anything was kept. */
export const ExecutionStep = z.object({
  subject: PersonalDataSubject,
  count: z.number().int().nonnegative(),
  outcome: z.enum(['deleted', 'anonymised', 'corrected', 'kept', 'held']),
  basis: RetentionBasis.nullable(),
  keptUntil: z.iso.date().nullable(),
});
export type ExecutionStep = z.infer<typeof ExecutionStep>;

export const ProcessorTask = z.object({
  id: Id,
  processorId: Id,
  processorName: z.string(),
  dataCategories: z.array(z.string()),
  requestedAt: Timestamp,
  confirmedAt: Timestamp.nullable(),
  confirmedByName: z.string().nullable(),
  /** The processor's own reference for the deletion, as they confirmed it. */
  reference: z.string().max(200).nullable(),
});
export type ProcessorTask = z.infer<typeof ProcessorTask>;

export const TicketEvent = z.object({
  state: TicketState,
  at: Timestamp,
  staffId: Id.nullable(),
  staffName: z.string().nullable(),
  note: z.string().max(2000),
});

/** A personal-information rights request (个人信息权利请求), from intake to the reply letter. */
export const RightsTicket = z.object({
  id: Id,
  /** What staff and the user quote on the phone: RT-2026-000123. */
  number: z.string().regex(/^RT-\d{4}-\d{6}$/),
  type: RightsRequestType,
  state: TicketState,
  channel: IntakeChannel,
  userId: Id,
  userNickname: z.string(),
  userPhoneMasked: MaskedPhone,
  requester: Requester,
  /** What is asked, in the staff member's words from the call or the user's own. */
  request: z.string().max(4000),
  /** Listings the request names; empty means the whole account's data. */
  listingIds: z.array(Id).max(200),
  /** A correction: the field and the value the user asks for. */
  correction: z.object({ field: z.enum(['nickname']), value: z.string().trim().min(1).max(40) }).nullable(),
  attachments: z.array(AttachmentRef).max(10),
  receivedAt: Timestamp,
  /** The deadline in working days (default 15, per type in the platform's configuration). */
  workingDays: z.number().int().min(1).max(90),
  /** While waiting on the requester the clock stops; an open pause has no end yet. */
  pauses: z.array(z.object({ from: Timestamp, to: Timestamp.nullable() })),
  history: z.array(TicketEvent).min(1),
  verification: z.object({
    method: VerificationMethod.nullable(),
    attempts: z.number().int().nonnegative(),
    maxAttempts: z.number().int().positive(),
    verifiedAt: Timestamp.nullable(),
  }),
  refusal: z.object({ reasonCode: RefusalReason, note: z.string().max(2000) }).nullable(),
  /** That a legal hold covers what this request would remove; its details are for legal staff only. */
  legalHold: z.boolean(),
  execution: z
    .object({
      at: Timestamp,
      outcome: z.enum(['completed', 'failed']),
      steps: z.array(ExecutionStep),
      /** The platform re-read the account and listings afterwards and found what the steps say. */
      verified: z.boolean(),
      failureReason: z.string().max(500).nullable(),
    })
    .nullable(),
  processorTasks: z.array(ProcessorTask),
  accessPackage: z.object({ sha256: Sha256, createdAt: Timestamp, files: z.array(z.object({ name: z.string(), sha256: Sha256 })) }).nullable(),
  reply: z.object({ text: z.string().max(8000), sentAt: Timestamp, staffName: z.string() }).nullable(),
  version: z.number().int().positive(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type RightsTicket = z.infer<typeof RightsTicket>;

/** A listing in the retention view: past its display period plus grace, and what became of it. */
export const RetentionItem = z.object({
  listingId: Id,
  title: z.string(),
  sellerId: Id,
  displayUntil: z.iso.date(),
  dueOn: z.iso.date(),
  state: z.enum(['due', 'held', 'done']),
  /** For a held listing: that a hold keeps it (its details stay with legal staff). */
  heldBy: z.enum(['legal_hold']).nullable(),
  doneAt: Timestamp.nullable(),
  outcome: z.enum(['deleted', 'anonymised']).nullable(),
});
export type RetentionItem = z.infer<typeof RetentionItem>;

export const RetentionSweep = z.object({
  id: Id,
  at: Timestamp,
  staffName: z.string(),
  dryRun: z.boolean(),
  deleted: z.number().int().nonnegative(),
  anonymised: z.number().int().nonnegative(),
  held: z.number().int().nonnegative(),
  listingIds: z.array(Id),
});
export type RetentionSweep = z.infer<typeof RetentionSweep>;
