import type { ChannelInput } from '../../../shared/ipc/contract';
import { foreignRequestBlocked, type AuthorityType, type OverDisclosure, type requestChannels } from '../../../shared/legal/disclosure-rules';
import type { DisclosureRequest } from '../../../shared/platform/disclosure-entities';
import type { FileDraft } from '../files/read-files';
import { isCalendarDate, shanghaiLocalToIso } from '../legal-area/legal-dates';
import { checkScope, draftOverDisclosure, emptyScope, type ScopeDraft, type ScopePart, type ScopeProblem } from './scope-draft';

export type RequestChannel = (typeof requestChannels)[number];
export type InstrumentType = DisclosureRequest['instrumentType'];
export type DisclosureInput = ChannelInput<'legal:createDisclosure'>;

export interface OfficerDraft {
  name: string;
  badgeNumber: string;
}

/** The competent Chinese authority's approval of a foreign request as typed: who approved, under which document, on which day. */
export interface ApprovalDraft {
  approvalAuthority: string;
  approvalDocument: string;
  approvedOn: string;
}

/** The new-entry form as typed, before it is checked. */
export interface DisclosureDraft extends ApprovalDraft {
  /** `datetime-local`, in Guangzhou time. */
  receivedAt: string;
  channel: RequestChannel;
  authorityType: AuthorityType | '';
  authorityName: string;
  domestic: boolean;
  officers: OfficerDraft[];
  callBackNumber: string;
  identityNote: string;
  instrumentType: InstrumentType | '';
  documentNumber: string;
  approvingOfficial: string;
  caseCause: string;
  statute: string;
  emergency: boolean;
  noNotify: boolean;
  noNotifyUntil: string;
  scan: FileDraft | null;
  requested: ScopeDraft;
  /** Null while it follows the request; the first edit makes it the counsel's own. */
  disclosed: ScopeDraft | null;
  justification: string;
}

export const emptyDisclosure = (receivedAt: string): DisclosureDraft => ({
  receivedAt,
  channel: 'in_person',
  authorityType: '',
  authorityName: '',
  domestic: true,
  approvalAuthority: '',
  approvalDocument: '',
  approvedOn: '',
  officers: [{ name: '', badgeNumber: '' }],
  callBackNumber: '',
  identityNote: '',
  instrumentType: '',
  documentNumber: '',
  approvingOfficial: '',
  caseCause: '',
  statute: '',
  emergency: false,
  noNotify: false,
  noNotifyUntil: '',
  scan: null,
  requested: emptyScope,
  disclosed: null,
  justification: '',
});

export type DisclosureField =
  | 'receivedAt' | 'authorityType' | 'authorityName' | 'foreignApproval' | 'officers' | 'callBackNumber' | 'instrumentType' | 'documentNumber'
  | 'approvingOfficial' | 'caseCause' | 'statute' | 'noNotifyUntil' | 'scan' | 'requestedAccounts' | 'requestedCategories' | 'requestedDates'
  | 'disclosedAccounts' | 'disclosedCategories' | 'disclosedDates' | 'justification';

/** In the order the form shows them, so the first problem is the first field to fix. */
export const disclosureFields: readonly DisclosureField[] = [
  'receivedAt', 'authorityType', 'authorityName', 'foreignApproval', 'officers', 'callBackNumber', 'instrumentType', 'documentNumber',
  'approvingOfficial', 'caseCause', 'statute', 'noNotifyUntil', 'scan', 'requestedAccounts', 'requestedCategories', 'requestedDates',
  'disclosedAccounts', 'disclosedCategories', 'disclosedDates', 'justification',
];

export type DisclosureProblem = ScopeProblem | 'too_long' | 'foreign_blocked' | 'officer_incomplete' | 'call_back' | 'unjustified';
export type DisclosureProblems = Partial<Record<DisclosureField, DisclosureProblem>>;

/** A required text's problem, if any, against the contract's length. */
export const textProblem = (value: string, max: number): 'required' | 'too_long' | undefined =>
  !value.trim() ? 'required' : value.trim().length > max ? 'too_long' : undefined;

const scopeFields = (prefix: 'requested' | 'disclosed'): Record<ScopePart, DisclosureField> => ({
  accounts: `${prefix}Accounts`, categories: `${prefix}Categories`, dates: `${prefix}Dates`,
});

/** The approval as the request records it; null until all of it is given. */
export function approvalOf(draft: ApprovalDraft): DisclosureRequest['foreignApproval'] {
  const [authority, documentNumber] = [draft.approvalAuthority.trim(), draft.approvalDocument.trim()];
  return authority && documentNumber && isCalendarDate(draft.approvedOn) ? { authority, documentNumber, approvedOn: draft.approvedOn } : null;
}

/** The officers as the request records them, or why they cannot be. */
export function checkOfficers(drafts: readonly OfficerDraft[]): { problem: 'officer_incomplete' | 'too_long' | undefined; officers: OfficerDraft[] } {
  const officers = drafts.map((o) => ({ name: o.name.trim(), badgeNumber: o.badgeNumber.trim() }));
  if (officers.some((o) => !o.name || !o.badgeNumber)) return { problem: 'officer_incomplete', officers };
  return { problem: officers.some((o) => o.name.length > 40 || o.badgeNumber.length > 40) ? 'too_long' : undefined, officers };
}

/** The call-back number's problem, if any: the contract takes 5 to 30 characters. */
export const callBackProblem = (number: string): 'required' | 'call_back' | undefined =>
  !number.trim() ? 'required' : number.trim().length < 5 || number.trim().length > 30 ? 'call_back' : undefined;

/** Checks the draft; with no problems it also gives the exact `legal:createDisclosure` input. */
export function checkDisclosure(draft: DisclosureDraft): { problems: DisclosureProblems; over: OverDisclosure | null; input: DisclosureInput | null } {
  const problems: DisclosureProblems = {};
  const note = (field: DisclosureField, problem: DisclosureProblem | undefined) => {
    if (problem) problems[field] = problem;
  };
  const receivedAt = shanghaiLocalToIso(draft.receivedAt);
  note('receivedAt', receivedAt ? undefined : 'required');
  note('authorityType', draft.authorityType ? undefined : 'required');
  note('authorityName', textProblem(draft.authorityName, 100));
  const approval = draft.domestic ? null : approvalOf(draft);
  // DSL art. 36 / PIPL art. 41: a foreign authority's request is not saved without the competent authority's approval.
  if (foreignRequestBlocked({ domestic: draft.domestic, foreignApproval: approval })) note('foreignApproval', 'foreign_blocked');
  const { problem: officersProblem, officers } = checkOfficers(draft.officers);
  note('officers', officersProblem);
  const callBack = draft.callBackNumber.trim();
  note('callBackNumber', callBackProblem(callBack));
  note('instrumentType', draft.instrumentType ? undefined : 'required');
  note('documentNumber', textProblem(draft.documentNumber, 100));
  note('approvingOfficial', textProblem(draft.approvingOfficial, 60));
  note('caseCause', textProblem(draft.caseCause, 200));
  note('statute', textProblem(draft.statute, 200));
  note('noNotifyUntil', draft.noNotify && draft.noNotifyUntil && !isCalendarDate(draft.noNotifyUntil) ? 'invalid_date' : undefined);
  note('scan', draft.scan ? undefined : 'required');
  const requested = checkScope(draft.requested);
  // A disclosed scope that still follows the request has the request's problems, reported once.
  const disclosed = draft.disclosed ? checkScope(draft.disclosed) : requested;
  const scopeProblems = (prefix: 'requested' | 'disclosed', found: typeof requested.problems) =>
    (Object.keys(found) as ScopePart[]).forEach((part) => note(scopeFields(prefix)[part], found[part]));
  scopeProblems('requested', requested.problems);
  if (draft.disclosed) scopeProblems('disclosed', disclosed.problems);
  const over = draftOverDisclosure(draft.requested, draft.disclosed ?? draft.requested);
  const justification = draft.justification.trim();
  if (over) note('justification', !justification ? 'unjustified' : justification.length > 4000 ? 'too_long' : undefined);

  const { authorityType, instrumentType, scan } = draft;
  const [scopeRequested, scopeDisclosed] = [requested.scope, disclosed.scope];
  if (Object.keys(problems).length > 0 || !receivedAt || !authorityType || !instrumentType || !scan || !scopeRequested || !scopeDisclosed) {
    return { problems, over, input: null };
  }
  return {
    problems,
    over,
    input: {
      request: {
        receivedAt,
        channel: draft.channel,
        authorityType,
        authorityName: draft.authorityName.trim(),
        domestic: draft.domestic,
        foreignApproval: approval,
        officers,
        identityCheck: { callBackNumber: callBack, note: draft.identityNote.trim() },
        instrumentType,
        documentNumber: draft.documentNumber.trim(),
        approvingOfficial: draft.approvingOfficial.trim(),
        caseCause: draft.caseCause.trim(),
        statute: draft.statute.trim(),
        emergency: draft.emergency,
        noNotify: draft.noNotify,
        noNotifyUntil: draft.noNotify && draft.noNotifyUntil ? draft.noNotifyUntil : null,
        scopeRequested,
      },
      scan: { name: scan.name, mediaType: scan.mediaType, contentBase64: scan.contentBase64 },
      scopeDisclosed,
      justification: over ? justification : null,
    },
  };
}

/** What each part of the new-entry form is given: the draft, a way to change it, and each field's problem in words. */
export interface DraftSection {
  id: string;
  draft: DisclosureDraft;
  update(changed: Partial<DisclosureDraft>): void;
  error(field: DisclosureField): string | null;
}
