import type { ChannelInput } from '../../../shared/ipc/contract';
import { overDisclosure, type AuthorityType, type OverDisclosure } from '../../../shared/legal/disclosure-rules';
import type { Disclosure, DisclosureRequest } from '../../../shared/platform/disclosure-entities';
import { isCalendarDate, isoToShanghaiLocal, shanghaiLocalToIso } from '../legal-area/legal-dates';
import { approvalOf, callBackProblem, checkOfficers, textProblem, type ApprovalDraft, type InstrumentType, type OfficerDraft, type RequestChannel } from './disclosure-draft';
import { checkScope, scopeDraftOf, type ScopeDraft, type ScopePart, type ScopeProblem } from './scope-draft';

/** The request's fields counsel may correct here, in the order they are offered. */
export const amendableFields = [
  'receivedAt', 'channel', 'authorityType', 'authorityName', 'foreignApproval', 'officers', 'identityCheck', 'instrumentType', 'documentNumber',
  'approvingOfficial', 'caseCause', 'statute', 'emergency', 'noNotify', 'scopeRequested',
] as const;
export type AmendableField = (typeof amendableFields)[number];

/** Whether a domestic or a foreign authority asked is not corrected here; a foreign request's approval is. */
export const amendableFieldsOf = (request: DisclosureRequest): AmendableField[] => amendableFields.filter((f) => f !== 'foreignApproval' || !request.domestic);

export interface AmendmentValues extends ApprovalDraft {
  receivedAt: string;
  channel: RequestChannel;
  authorityType: AuthorityType;
  authorityName: string;
  officers: OfficerDraft[];
  callBackNumber: string;
  identityNote: string;
  instrumentType: InstrumentType;
  documentNumber: string;
  approvingOfficial: string;
  caseCause: string;
  statute: string;
  emergency: boolean;
  noNotify: boolean;
  noNotifyUntil: string;
  scopeRequested: ScopeDraft;
}

export interface AmendmentDraft {
  chosen: AmendableField[];
  values: AmendmentValues;
  reason: string;
  justification: string;
}

export type AmendmentField = AmendableField | 'chosen' | 'reason' | 'justification' | 'callBackNumber' | 'requestedAccounts' | 'requestedCategories' | 'requestedDates';
export type AmendmentProblem = ScopeProblem | 'too_long' | 'unchanged' | 'unjustified' | 'officer_incomplete' | 'call_back' | 'foreign_blocked';
export type AmendmentProblems = Partial<Record<AmendmentField, AmendmentProblem>>;
export type AmendmentInput = ChannelInput<'legal:amendDisclosure'>;

/** Every editor starts at the entry as it stands; a kept justification of over-disclosure is offered again. */
export const amendmentDraftOf = (disclosure: Disclosure): AmendmentDraft => {
  const r = disclosure.request;
  return {
    chosen: [],
    values: {
      receivedAt: isoToShanghaiLocal(r.receivedAt), channel: r.channel, authorityType: r.authorityType, authorityName: r.authorityName,
      approvalAuthority: r.foreignApproval?.authority ?? '', approvalDocument: r.foreignApproval?.documentNumber ?? '', approvedOn: r.foreignApproval?.approvedOn ?? '',
      officers: r.officers.map((o) => ({ ...o })), callBackNumber: r.identityCheck.callBackNumber, identityNote: r.identityCheck.note,
      instrumentType: r.instrumentType, documentNumber: r.documentNumber, approvingOfficial: r.approvingOfficial, caseCause: r.caseCause,
      statute: r.statute, emergency: r.emergency, noNotify: r.noNotify, noNotifyUntil: r.noNotifyUntil ?? '', scopeRequested: scopeDraftOf(r.scopeRequested),
    },
    reason: '',
    justification: disclosure.overDisclosure?.justification ?? '',
  };
};

const textLimits = { authorityName: 100, documentNumber: 100, approvingOfficial: 60, caseCause: 200, statute: 200 } as const;
const scopeFieldOf: Record<ScopePart, AmendmentField> = { accounts: 'requestedAccounts', categories: 'requestedCategories', dates: 'requestedDates' };

/** One chosen field's new value, whole, as the amendment sends it; or its problem. */
function changeOf(field: AmendableField, v: AmendmentValues): { change: Partial<DisclosureRequest> } | { problems: AmendmentProblems } {
  switch (field) {
    case 'receivedAt': {
      const at = shanghaiLocalToIso(v.receivedAt);
      return at ? { change: { receivedAt: at } } : { problems: { receivedAt: 'required' } };
    }
    case 'authorityName': case 'documentNumber': case 'approvingOfficial': case 'caseCause': case 'statute': {
      const problem = textProblem(v[field], textLimits[field]);
      return problem ? { problems: { [field]: problem } } : { change: { [field]: v[field].trim() } };
    }
    case 'foreignApproval': {
      const approval = approvalOf(v);
      return approval ? { change: { foreignApproval: approval } } : { problems: { foreignApproval: 'foreign_blocked' } };
    }
    case 'officers': {
      const { problem, officers } = checkOfficers(v.officers);
      return problem ? { problems: { officers: problem } } : { change: { officers } };
    }
    case 'identityCheck': {
      const problem = callBackProblem(v.callBackNumber);
      if (problem) return { problems: { callBackNumber: problem } };
      if (v.identityNote.trim().length > 500) return { problems: { identityCheck: 'too_long' } };
      return { change: { identityCheck: { callBackNumber: v.callBackNumber.trim(), note: v.identityNote.trim() } } };
    }
    case 'noNotify':
      if (v.noNotify && v.noNotifyUntil && !isCalendarDate(v.noNotifyUntil)) return { problems: { noNotify: 'invalid_date' } };
      return { change: { noNotify: v.noNotify, noNotifyUntil: v.noNotify && v.noNotifyUntil ? v.noNotifyUntil : null } };
    case 'scopeRequested': {
      const checked = checkScope(v.scopeRequested);
      if (!checked.scope) return { problems: Object.fromEntries((Object.keys(checked.problems) as ScopePart[]).map((part) => [scopeFieldOf[part], checked.problems[part]])) };
      return { change: { scopeRequested: checked.scope } };
    }
    default:
      return { change: { [field]: v[field] } };
  }
}

/** A value with its object keys sorted, so equal values compare equal whatever order their keys came in. */
const canonical = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(canonical)
    : typeof value === 'object' && value !== null
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, canonical(v)]))
      : value;

const sameAs = (request: DisclosureRequest, change: Partial<DisclosureRequest>) =>
  (Object.keys(change) as (keyof DisclosureRequest)[]).every((key) => JSON.stringify(canonical(request[key])) === JSON.stringify(canonical(change[key])));

/** Checks an amendment; with no problems it also gives the exact `legal:amendDisclosure` input. */
export function checkAmendment(draft: AmendmentDraft, disclosure: Disclosure): { problems: AmendmentProblems; over: OverDisclosure | null; input: AmendmentInput | null } {
  let problems: AmendmentProblems = {};
  let changes: Partial<DisclosureRequest> = {};
  for (const field of draft.chosen) {
    const result = changeOf(field, draft.values);
    if ('problems' in result) problems = { ...problems, ...result.problems };
    else if (sameAs(disclosure.request, result.change)) problems[field] = 'unchanged';
    else changes = { ...changes, ...result.change };
  }
  if (draft.chosen.length === 0) problems.chosen = 'required';
  const reason = draft.reason.trim();
  if (!reason) problems.reason = 'required';
  else if (reason.length > 2000) problems.reason = 'too_long';
  // The platform needs a reason again when the corrected request leaves what was disclosed beyond it.
  const over = changes.scopeRequested && disclosure.scopeDisclosed ? overDisclosure(changes.scopeRequested, disclosure.scopeDisclosed) : null;
  const justification = draft.justification.trim();
  if (over) {
    if (!justification) problems.justification = 'unjustified';
    else if (justification.length > 4000) problems.justification = 'too_long';
  }
  if (Object.keys(problems).length > 0) return { problems, over, input: null };
  return { problems, over, input: { disclosureId: disclosure.id, basedOnVersion: disclosure.version, reason, changes, justification: over ? justification : null } };
}
