import { z } from 'zod';
import { AuthorityType, DisclosureCategory, DisclosureOutcome, DisclosureStatus, InstrumentType, requestChannels } from '../legal/disclosure-rules';

const Id = z.string().min(1).max(64);
const Timestamp = z.iso.datetime();
const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 in lower-case hex');

/** A file kept with the register: its bytes stay on the platform, the register keeps its hash. */
export const RegisterFile = z.object({ id: Id, name: z.string().min(1).max(120), mediaType: z.string().max(100), sizeBytes: z.number().int().nonnegative(), sha256: Sha256 });

export const Officer = z.object({ name: z.string().trim().min(1).max(40), badgeNumber: z.string().trim().min(1).max(40) });

export const DisclosureScope = z.object({
  /** Accounts by platform id; shown masked (their registered phone) wherever the register is read. */
  userIds: z.array(Id).min(1).max(200),
  categories: z.array(DisclosureCategory).min(1),
  from: z.iso.date(),
  to: z.iso.date(),
});
export type DisclosureScope = z.infer<typeof DisclosureScope>;

/** The request as the authority made it, and what its document says. */
export const DisclosureRequest = z.object({
  receivedAt: Timestamp,
  channel: z.enum(requestChannels),
  authorityType: AuthorityType,
  authorityName: z.string().trim().min(1).max(100),
  domestic: z.boolean(),
  /** For a foreign authority: the competent Chinese authority's approval (DSL art. 36, PIPL art. 41). */
  foreignApproval: z.object({ authority: z.string().trim().min(1).max(100), documentNumber: z.string().trim().min(1).max(100), approvedOn: z.iso.date() }).nullable(),
  officers: z.array(Officer).min(1).max(5),
  /** How the officers' identity was checked: the number called back, and what was confirmed. */
  identityCheck: z.object({ callBackNumber: z.string().trim().min(5).max(30), note: z.string().max(500) }),
  instrumentType: InstrumentType,
  /** 文书编号, e.g. 穗公（天）调证字〔2026〕1234号 */
  documentNumber: z.string().trim().min(1).max(100),
  approvingOfficial: z.string().trim().min(1).max(60),
  /** 案由 */
  caseCause: z.string().trim().min(1).max(200),
  /** The statute cited, e.g. 《刑事诉讼法》第五十四条 */
  statute: z.string().trim().min(1).max(200),
  emergency: z.boolean(),
  noNotify: z.boolean(),
  /** Until when the user may not be told; null when the document sets no date. */
  noNotifyUntil: z.iso.date().nullable(),
  scopeRequested: DisclosureScope,
});
export type DisclosureRequest = z.infer<typeof DisclosureRequest>;

export const Amendment = z.object({
  id: Id,
  at: Timestamp,
  staffId: Id,
  staffName: z.string(),
  reason: z.string().min(1).max(2000),
  /** Each field changed, by its dotted path in the entry, with the value before and after. */
  changes: z.array(z.object({ path: z.string(), before: z.unknown(), after: z.unknown() })).min(1),
});
export type Amendment = z.infer<typeof Amendment>;

/**
 * An entry of the lawful-disclosure register (依法披露登记). Append-only: `original` is the
 * request as first saved and never changes; `request` is it with every amendment applied.
 */
export const Disclosure = z.object({
  id: Id,
  /** LD-2026-0001 */
  registerNumber: z.string().regex(/^LD-\d{4}-\d{4}$/),
  status: DisclosureStatus,
  request: DisclosureRequest,
  original: DisclosureRequest,
  scan: RegisterFile,
  preparedBy: Id,
  preparedByName: z.string(),
  preparedAt: Timestamp,
  scopeDisclosed: DisclosureScope.nullable(),
  /** Disclosed beyond the request, with counsel's written reason; null when within it. */
  overDisclosure: z
    .object({ userIds: z.array(Id), categories: z.array(DisclosureCategory), outsideDates: z.boolean(), justification: z.string().min(1).max(4000) })
    .nullable(),
  approval: z.object({ staffId: Id, staffName: z.string(), at: Timestamp, note: z.string().max(2000) }).nullable(),
  production: z
    .object({
      files: z.array(RegisterFile).max(20),
      deliveryMethod: z.enum(['in_person', 'encrypted_media', 'police_platform', 'mail']),
      receipt: RegisterFile.nullable(),
      disclosedAt: Timestamp,
    })
    .nullable(),
  outcome: DisclosureOutcome.nullable(),
  refusalReason: z.string().max(2000).nullable(),
  /** When the user was told; stays null while no-notify applies. */
  userNotifiedAt: Timestamp.nullable(),
  amendments: z.array(Amendment),
  version: z.number().int().positive(),
  updatedAt: Timestamp,
});
export type Disclosure = z.infer<typeof Disclosure>;
