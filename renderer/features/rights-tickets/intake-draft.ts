import type { z } from 'zod';
import type { AccountMatch, TicketIntake } from '../../../shared/ipc/rights-views';
import { maskPhone } from '../../../shared/masking';
import type { intakeChannels, requesterRelations } from '../../../shared/platform/rights-entities';
import type { RightsRequestType } from '../../../shared/rights/ticket-states';

export type IntakeChannel = (typeof intakeChannels)[number];
export type RequesterRelation = (typeof requesterRelations)[number];
export type Account = z.infer<typeof AccountMatch>;
export type IntakeInput = z.input<typeof TicketIntake>;

/** An attachment read from disk, ready to send; the size is kept for the list the agent sees. */
export interface AttachmentDraft {
  name: string;
  mediaType: string;
  contentBase64: string;
  sizeBytes: number;
}

/** The intake form as typed, before it is checked. */
export interface IntakeDraft {
  account: Account | null;
  type: RightsRequestType | '';
  channel: IntakeChannel;
  requesterName: string;
  relation: RequesterRelation;
  contact: string;
  request: string;
  listingIds: string;
  correctedNickname: string;
  attachments: AttachmentDraft[];
}

export const emptyIntake: IntakeDraft = {
  account: null,
  type: '',
  channel: 'phone',
  requesterName: '',
  relation: 'self',
  contact: '',
  request: '',
  listingIds: '',
  correctedNickname: '',
  attachments: [],
};

export type IntakeField = 'account' | 'type' | 'requesterName' | 'relation' | 'contact' | 'request' | 'listingIds' | 'correctedNickname';
export type IntakeProblem = 'required' | 'too_long' | 'not_contact' | 'relative_only' | 'listing_ids' | 'same_nickname';
export type IntakeProblems = Partial<Record<IntakeField, IntakeProblem>>;

/** In the order the form shows them, so the first problem is the first field to fix. */
export const intakeFields: readonly IntakeField[] = ['account', 'type', 'requesterName', 'relation', 'contact', 'request', 'listingIds', 'correctedNickname'];

const MASKED_PHONE = /^\d{3}\*{4}\d{4}$/;
const LISTING_ID = /^[\w-]{1,64}$/;

/**
 * Least data: a contact typed in full is stored masked, like every contact in the console. A
 * phone keeps 3 + 4 digits; an email its first character and domain. Null for anything else.
 */
export function maskContact(raw: string): string | null {
  const text = raw.trim();
  if (MASKED_PHONE.test(text) || /^[^@\s]\*{3}@[^@\s]+$/.test(text)) return text;
  const digits = text.replace(/[\s-]/g, '');
  if (/^\d{7,12}$/.test(digits)) return maskPhone(digits);
  const email = /^([^@\s])[^@\s]*@([^@\s]+\.[^@\s]+)$/.exec(text);
  return email ? `${email[1]}***@${email[2]}` : null;
}

/** A phone typed in full for the account search is masked before it leaves the form. */
export function maskedPhoneQuery(raw: string): string | null {
  const text = raw.replace(/[\s-]/g, '');
  if (MASKED_PHONE.test(text)) return text;
  return /^1\d{10}$/.test(text) ? maskPhone(text) : null;
}

export function parseListingIds(text: string): string[] {
  return [...new Set(text.split(/[\s,，、;；]+/).filter(Boolean))];
}

/** Checks the draft; with no problems it also gives the exact `rights:create` input. */
export function checkIntake(draft: IntakeDraft): { problems: IntakeProblems; input: IntakeInput | null } {
  const problems: IntakeProblems = {};
  const contact = maskContact(draft.contact);
  const listingIds = draft.type === 'deletion' ? parseListingIds(draft.listingIds) : [];
  const corrected = draft.correctedNickname.trim();
  if (!draft.account) problems.account = 'required';
  if (!draft.type) problems.type = 'required';
  if (!draft.requesterName.trim()) problems.requesterName = 'required';
  else if (draft.requesterName.trim().length > 40) problems.requesterName = 'too_long';
  // PIPL art. 49: only a near relative may exercise a deceased user's rights.
  if (draft.type === 'deceased_relative' && draft.relation !== 'near_relative') problems.relation = 'relative_only';
  if (!draft.contact.trim()) problems.contact = 'required';
  else if (!contact) problems.contact = 'not_contact';
  if (!draft.request.trim()) problems.request = 'required';
  else if (draft.request.trim().length > 4000) problems.request = 'too_long';
  if (listingIds.some((id) => !LISTING_ID.test(id)) || listingIds.length > 200) problems.listingIds = 'listing_ids';
  if (draft.type === 'correction') {
    if (!corrected) problems.correctedNickname = 'required';
    else if (corrected.length > 40) problems.correctedNickname = 'too_long';
    else if (corrected === draft.account?.nickname) problems.correctedNickname = 'same_nickname';
  }
  if (Object.keys(problems).length > 0 || !draft.account || !draft.type || !contact) return { problems, input: null };
  return {
    problems,
    input: {
      type: draft.type,
      channel: draft.channel,
      userId: draft.account.id,
      requester: { name: draft.requesterName.trim(), relation: draft.relation, contactMasked: contact },
      request: draft.request.trim(),
      listingIds,
      correction: draft.type === 'correction' ? { field: 'nickname', value: corrected } : null,
      attachments: draft.attachments.map(({ name, mediaType, contentBase64 }) => ({ name, mediaType, contentBase64 })),
    },
  };
}
