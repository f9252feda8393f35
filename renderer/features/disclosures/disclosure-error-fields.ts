import type { DeskError } from '../../../shared/errors';
import type { DisclosureField, DisclosureProblems } from './disclosure-draft';

/** Where the core's and the platform's validation paths point in the form, most specific first. */
const pathRules: [RegExp, DisclosureField][] = [
  [/^request\.receivedAt/, 'receivedAt'],
  [/^request\.authorityType/, 'authorityType'],
  [/^request\.authorityName/, 'authorityName'],
  [/^request\.(domestic|foreignApproval)/, 'foreignApproval'],
  [/^request\.officers/, 'officers'],
  [/^request\.identityCheck/, 'callBackNumber'],
  [/^request\.instrumentType/, 'instrumentType'],
  [/^request\.documentNumber/, 'documentNumber'],
  [/^request\.approvingOfficial/, 'approvingOfficial'],
  [/^request\.caseCause/, 'caseCause'],
  [/^request\.statute/, 'statute'],
  [/^request\.noNotify/, 'noNotifyUntil'],
  [/^request\.scopeRequested\.userIds/, 'requestedAccounts'],
  [/^request\.scopeRequested\.categories/, 'requestedCategories'],
  [/^request\.scopeRequested/, 'requestedDates'],
  [/^scopeDisclosed\.userIds/, 'disclosedAccounts'],
  [/^scopeDisclosed\.categories/, 'disclosedCategories'],
  [/^scopeDisclosed/, 'disclosedDates'],
  [/^scan/, 'scan'],
  [/^(justification|overDisclosure)/, 'justification'],
];

/** The router says `input.request.statute`, the platform `body.request.statute`: both name the same field. */
export function fieldOfErrorPath(path: string): DisclosureField | null {
  const bare = path.replace(/^(input|body)\./, '');
  return pathRules.find(([rule]) => rule.test(bare))?.[1] ?? null;
}

/**
 * The platform's own refusals of a register entry, on the field they concern, so the form marks
 * it as it marks its own problems (the platform may know what the form did not, e.g. a changed rule).
 */
export function refusalProblems(error: DeskError | null): DisclosureProblems {
  if (error?.code === 'foreign_request_blocked') return { foreignApproval: 'foreign_blocked' };
  if (error?.code === 'over_disclosure_unjustified') return { justification: 'unjustified' };
  return {};
}
