import { z } from 'zod';
import { Disclosure, DisclosureRequest, DisclosureScope } from '../platform/disclosure-entities';
import { FileUpload } from '../platform/legal';
import { HoldScope, holdSources, LegalHold, Processor, processorKinds } from '../platform/legal-entities';
import { AuthorityType, DisclosureOutcome, DisclosureStatus } from '../legal/disclosure-rules';

/** What the IPC contract says about the legal area; the platform's shapes are reused. */

const disclosureId = z.string().min(1).max(64);
const basedOnVersion = z.number().int().positive();

/** An account named in the register, as legal staff see it: masked, with its nickname. */
export const RegisterAccount = z.object({ userId: z.string(), nickname: z.string().nullable(), phoneMasked: z.string().nullable() });

export const DisclosureRow = z.object({
  id: z.string(),
  registerNumber: z.string(),
  status: DisclosureStatus,
  receivedAt: z.iso.datetime(),
  authorityType: AuthorityType,
  authorityName: z.string(),
  documentNumber: z.string(),
  emergency: z.boolean(),
  noNotify: z.boolean(),
  domestic: z.boolean(),
  accounts: z.number().int(),
  overDisclosure: z.boolean(),
  outcome: DisclosureOutcome.nullable(),
  preparedByName: z.string(),
  amendments: z.number().int(),
});
export type DisclosureRow = z.infer<typeof DisclosureRow>;

export const DisclosureDetail = z.object({
  disclosure: Disclosure,
  /** Every account the entry names, requested or disclosed, masked. */
  accounts: z.array(RegisterAccount),
  /** Whether the signed-in staff member may approve it (not its preparer, and it awaits approval). */
  mayApprove: z.boolean(),
});
export type DisclosureDetail = z.infer<typeof DisclosureDetail>;

export const DisclosureIntake = z.object({
  request: DisclosureRequest,
  scan: FileUpload,
  scopeDisclosed: DisclosureScope,
  justification: z.string().trim().min(1).max(4000).nullable().default(null),
});

export const ProductionInput = z.object({
  disclosureId,
  basedOnVersion,
  files: z.array(FileUpload).min(1).max(20),
  deliveryMethod: z.enum(['in_person', 'encrypted_media', 'police_platform', 'mail']),
  receipt: FileUpload.nullable(),
  disclosedAt: z.iso.datetime(),
  outcome: DisclosureOutcome.extract(['disclosed_full', 'disclosed_part']),
});

export const HoldInput = z.object({
  userId: z.string().min(1).max(64),
  source: z.enum(holdSources),
  reference: z.string().trim().min(1).max(100),
  reason: z.string().trim().min(1).max(1000),
  scope: z.array(HoldScope).min(1),
  expiresAt: z.iso.datetime().nullable(),
});

export const HoldRow = LegalHold.extend({ account: RegisterAccount, active: z.boolean() });

export const ProcessorInput = z.object({
  processorId: z.string().min(1).max(64).nullable(),
  basedOnVersion: basedOnVersion.nullable(),
  fields: Processor.omit({ id: true, version: true }).extend({ kind: z.enum(processorKinds) }),
});

/** Something legal staff must act on by a date: a hold lapsing, a processor review, a no-notify order ending. */
export const LegalReminder = z.object({
  kind: z.enum(['hold_expiring', 'processor_review', 'no_notify_ending']),
  subjectId: z.string(),
  /** What to show: a register number, a processor's name, a hold's reference. */
  subject: z.string(),
  dueOn: z.iso.date(),
  overdue: z.boolean(),
});

export const TransparencyPeriod = z.object({ year: z.number().int().min(2020).max(2100), quarter: z.number().int().min(1).max(4).nullable() });

/** The transparency report's figures for a period (by the date a request was received). */
export const TransparencyReport = z.object({
  period: TransparencyPeriod,
  byAuthorityType: z.array(z.object({ authorityType: AuthorityType, requests: z.number().int(), accounts: z.number().int() })),
  requests: z.number().int(),
  accountsSpecified: z.number().int(),
  /** Share of closed requests where some data was produced. */
  producedShare: z.number().min(0).max(1).nullable(),
  emergency: z.number().int(),
  preservation: z.number().int(),
  refused: z.number().int(),
  noneFound: z.number().int(),
  noNotify: z.number().int(),
  foreign: z.number().int(),
});
export type TransparencyReport = z.infer<typeof TransparencyReport>;

export const ExportedFile = z.object({ name: z.string(), mediaType: z.string(), content: z.string() });
