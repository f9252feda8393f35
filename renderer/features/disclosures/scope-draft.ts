import { disclosureCategories, overDisclosure, type DisclosureCategory, type OverDisclosure } from '../../../shared/legal/disclosure-rules';
import type { DisclosureScope } from '../../../shared/platform/disclosure-entities';
import { isCalendarDate } from '../legal-area/legal-dates';

/** A scope as typed: accounts as text (several platform user ids), categories ticked, a date range. */
export interface ScopeDraft {
  userIds: string;
  categories: DisclosureCategory[];
  from: string;
  to: string;
}

export const emptyScope: ScopeDraft = { userIds: '', categories: [], from: '', to: '' };

export type ScopePart = 'accounts' | 'categories' | 'dates';
export type ScopeProblem = 'required' | 'user_ids' | 'too_many' | 'invalid_date' | 'date_order';

const USER_ID = /^[\w-]{1,64}$/;
const MAX_ACCOUNTS = 200;

/** Ids separated by spaces, commas or the Chinese list marks, each once, in the order typed. */
export const splitUserIds = (text: string): string[] => [...new Set(text.split(/[\s,，、;；]+/).filter(Boolean))];

/** Ticked categories in the register's own order, so the same choice always reads (and compares) the same. */
export const toggleCategory = (categories: readonly DisclosureCategory[], category: DisclosureCategory, on: boolean): DisclosureCategory[] =>
  disclosureCategories.filter((c) => (c === category ? on : categories.includes(c)));

export const scopeDraftOf = (scope: DisclosureScope): ScopeDraft => ({ userIds: scope.userIds.join(' '), categories: [...scope.categories], from: scope.from, to: scope.to });

export function checkScope(draft: ScopeDraft): { problems: Partial<Record<ScopePart, ScopeProblem>>; scope: DisclosureScope | null } {
  const problems: Partial<Record<ScopePart, ScopeProblem>> = {};
  const userIds = splitUserIds(draft.userIds);
  if (userIds.length === 0) problems.accounts = 'required';
  else if (userIds.some((id) => !USER_ID.test(id))) problems.accounts = 'user_ids';
  else if (userIds.length > MAX_ACCOUNTS) problems.accounts = 'too_many';
  if (draft.categories.length === 0) problems.categories = 'required';
  if (!draft.from || !draft.to) problems.dates = 'required';
  else if (!isCalendarDate(draft.from) || !isCalendarDate(draft.to)) problems.dates = 'invalid_date';
  else if (draft.from > draft.to) problems.dates = 'date_order';
  if (Object.keys(problems).length > 0) return { problems, scope: null };
  return { problems, scope: { userIds, categories: [...draft.categories], from: draft.from, to: draft.to } };
}

const datesComplete = (draft: ScopeDraft) => isCalendarDate(draft.from) && isCalendarDate(draft.to);

/**
 * What the disclosed scope holds beyond the requested one, as far as both are typed: dates are
 * compared only once both ranges are complete, so half a date never raises a false alarm.
 */
export function draftOverDisclosure(requested: ScopeDraft, disclosed: ScopeDraft): OverDisclosure | null {
  const compareDates = datesComplete(requested) && datesComplete(disclosed);
  return overDisclosure(
    { userIds: splitUserIds(requested.userIds), categories: requested.categories, from: requested.from, to: requested.to },
    {
      userIds: splitUserIds(disclosed.userIds),
      categories: disclosed.categories,
      from: compareDates ? disclosed.from : requested.from,
      to: compareDates ? disclosed.to : requested.to,
    },
  );
}
