import { z } from 'zod';
import { DisclosureOutcome } from '../legal/disclosure-rules';
import { Disclosure, DisclosureRequest, DisclosureScope } from './disclosure-entities';
import { endpoint, needs } from './endpoint';
import { EntityId } from './fields';
import { HoldScope, holdSources, LegalHold, Processor, processorKinds } from './legal-entities';

/**
 * Legal staff's endpoints: the lawful-disclosure register, legal holds and the processor
 * register. The platform enforces the register's rules (shared/legal/disclosure-rules): a foreign
 * request without approval is refused, over-disclosure needs a written justification, the
 * preparer cannot approve, and an entry once saved changes only by amendment.
 */

const basedOnVersion = z.number().int().positive();
const disclosureRef = z.object({ disclosureId: EntityId });
const disclosureAnswer = z.object({ disclosure: Disclosure });

/** A file as uploaded: at most 10 MB of base64 (a scanned notice runs to a few pages). */
export const FileUpload = z.object({
  name: z.string().trim().min(1).max(120),
  mediaType: z.string().regex(/^[\w.+-]+\/[\w.+-]+$/).max(100),
  contentBase64: z.string().max(14_000_000).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64'),
});

export const createDisclosure = endpoint({
  method: 'POST',
  path: '/v1/legal/disclosures',
  summary: 'Register a request from an authority with its scanned document, and what is proposed to be disclosed. Refused for a foreign authority without Chinese approval, and for over-disclosure without a justification',
  access: needs('legal:write'),
  body: z.object({
    idempotencyKey: z.string().min(8).max(100),
    request: DisclosureRequest,
    scan: FileUpload,
    scopeDisclosed: DisclosureScope,
    justification: z.string().trim().min(1).max(4000).nullable().default(null),
  }),
  output: disclosureAnswer,
  errors: ['foreign_request_blocked', 'over_disclosure_unjustified', 'idempotency_key_reused', 'payload_too_large', 'not_found'],
});

export const approveDisclosure = endpoint({
  method: 'POST',
  path: '/v1/legal/disclosures/{disclosureId}/approval',
  summary: 'A second legal staff member approves the entry; refused to the one who prepared it',
  access: needs('legal:write'),
  params: disclosureRef,
  body: z.object({ note: z.string().max(2000).default(''), basedOnVersion }),
  output: disclosureAnswer,
  errors: ['not_found', 'same_reviewer', 'stale_version', 'invalid_transition'],
});

export const recordProduction = endpoint({
  method: 'POST',
  path: '/v1/legal/disclosures/{disclosureId}/production',
  summary: 'Record what was handed over (each file kept with its SHA-256), how, the receipt (回执) and when; only after approval',
  access: needs('legal:write'),
  params: disclosureRef,
  body: z.object({
    files: z.array(FileUpload).min(1).max(20),
    deliveryMethod: z.enum(['in_person', 'encrypted_media', 'police_platform', 'mail']),
    receipt: FileUpload.nullable(),
    disclosedAt: z.iso.datetime(),
    outcome: DisclosureOutcome.extract(['disclosed_full', 'disclosed_part']),
    basedOnVersion,
  }),
  output: disclosureAnswer,
  errors: ['not_found', 'stale_version', 'invalid_transition', 'payload_too_large'],
});

export const closeDisclosure = endpoint({
  method: 'POST',
  path: '/v1/legal/disclosures/{disclosureId}/closure',
  summary: 'Close an entry with nothing handed over: no data found, or the request refused (with the reason)',
  access: needs('legal:write'),
  params: disclosureRef,
  body: z.object({ outcome: DisclosureOutcome.extract(['none_found', 'refused']), reason: z.string().trim().min(1).max(2000), basedOnVersion }),
  output: disclosureAnswer,
  errors: ['not_found', 'stale_version', 'invalid_transition'],
});

export const amendDisclosure = endpoint({
  method: 'POST',
  path: '/v1/legal/disclosures/{disclosureId}/amendments',
  summary: 'Correct a saved entry: the amendment records who, when, each field before and after, and why; the original stays as it was',
  access: needs('legal:write'),
  params: disclosureRef,
  body: z.object({
    reason: z.string().trim().min(1).max(2000),
    /** The request's fields that change, whole; at least one. */
    changes: DisclosureRequest.partial().refine((c) => Object.keys(c).length > 0, 'at least one field changes'),
    /** Needed when the amended request leaves the disclosed scope beyond it. */
    justification: z.string().trim().min(1).max(4000).nullable().default(null),
    basedOnVersion,
  }),
  output: disclosureAnswer,
  errors: ['not_found', 'stale_version', 'over_disclosure_unjustified', 'foreign_request_blocked'],
});

export const recordUserNotification = endpoint({
  method: 'POST',
  path: '/v1/legal/disclosures/{disclosureId}/notification',
  summary: 'Record that the user was told of the disclosure; refused while a no-notify order applies',
  access: needs('legal:write'),
  params: disclosureRef,
  body: z.object({ notifiedAt: z.iso.datetime(), basedOnVersion }),
  output: disclosureAnswer,
  errors: ['not_found', 'stale_version', 'invalid_transition'],
});

export const getRegisterFile = endpoint({
  method: 'GET',
  path: '/v1/legal/files/{fileId}',
  summary: 'A file kept with the register (a scan, a produced file, a receipt); every read is audited',
  access: needs('legal:read'),
  params: z.object({ fileId: EntityId }),
  output: z.object({ name: z.string(), mediaType: z.string(), sha256: z.string(), contentBase64: z.string() }),
  errors: ['not_found'],
});

export const placeHold = endpoint({
  method: 'POST',
  path: '/v1/legal/holds',
  summary: 'Place a legal hold on an account: it blocks the deletion and cancellation of what it covers until lifted or expired',
  access: needs('legal:write'),
  body: z.object({
    idempotencyKey: z.string().min(8).max(100),
    userId: EntityId,
    source: z.enum(holdSources),
    reference: z.string().trim().min(1).max(100),
    reason: z.string().trim().min(1).max(1000),
    scope: z.array(HoldScope).min(1),
    expiresAt: z.iso.datetime().nullable(),
  }),
  output: z.object({ hold: LegalHold }),
  errors: ['not_found', 'idempotency_key_reused'],
});

export const liftHold = endpoint({
  method: 'POST',
  path: '/v1/legal/holds/{holdId}/lift',
  summary: 'Lift a hold, with the reason',
  access: needs('legal:write'),
  params: z.object({ holdId: EntityId }),
  body: z.object({ reason: z.string().trim().min(1).max(1000), basedOnVersion }),
  output: z.object({ hold: LegalHold }),
  errors: ['not_found', 'stale_version', 'invalid_transition'],
});

export const renewHold = endpoint({
  method: 'POST',
  path: '/v1/legal/holds/{holdId}/renewal',
  summary: 'Renew a hold for a new term (a freeze notice renewed by the authority), with the renewing document',
  access: needs('legal:write'),
  params: z.object({ holdId: EntityId }),
  body: z.object({ expiresAt: z.iso.datetime(), reference: z.string().trim().min(1).max(100), basedOnVersion }),
  output: z.object({ hold: LegalHold }),
  errors: ['not_found', 'stale_version', 'invalid_transition'],
});

const ProcessorFields = Processor.omit({ id: true, version: true }).extend({ kind: z.enum(processorKinds) });

export const saveProcessor = endpoint({
  method: 'POST',
  path: '/v1/legal/processors',
  summary: 'Add a processor to the register, or change one (with the version it was based on)',
  access: needs('legal:write'),
  body: z.object({ processorId: EntityId.nullable(), fields: ProcessorFields, basedOnVersion: basedOnVersion.nullable() }),
  output: z.object({ processor: Processor }),
  errors: ['not_found', 'stale_version'],
});
