import { z } from 'zod';

/**
 * The rules of lawful disclosure (PRODUCT.md, 四.2; Data Security Law art. 36; PIPL art. 41), as
 * pure data and functions: the platform enforces them, the console shows them before saving.
 */

export const authorityTypes = ['public_security', 'procuratorate', 'court', 'state_security', 'market_regulation', 'cyberspace', 'other'] as const;
export const AuthorityType = z.enum(authorityTypes);
export type AuthorityType = z.infer<typeof AuthorityType>;

export const instrumentTypes = ['evidence_collection_notice', 'assistance_inquiry_notice', 'assistance_freeze_notice', 'court_order', 'other'] as const;
export const InstrumentType = z.enum(instrumentTypes);

export const requestChannels = ['in_person', 'mail', 'email', 'fax', 'police_platform', 'phone'] as const;

/** What an authority may ask for, in the platform's own words. */
export const disclosureCategories = ['account_profile', 'registration_phone', 'listings', 'listing_images', 'messages', 'login_logs', 'transactions', 'device_info'] as const;
export const DisclosureCategory = z.enum(disclosureCategories);
export type DisclosureCategory = z.infer<typeof DisclosureCategory>;

export const disclosureStatuses = ['awaiting_approval', 'approved', 'disclosed', 'closed'] as const;
export const DisclosureStatus = z.enum(disclosureStatuses);
export type DisclosureStatus = z.infer<typeof DisclosureStatus>;

export const disclosureOutcomes = ['disclosed_full', 'disclosed_part', 'none_found', 'refused'] as const;
export const DisclosureOutcome = z.enum(disclosureOutcomes);
export type DisclosureOutcome = z.infer<typeof DisclosureOutcome>;

export interface Scope {
  userIds: readonly string[];
  categories: readonly DisclosureCategory[];
  /** Dates of the data asked for (inclusive), as YYYY-MM-DD. */
  from: string;
  to: string;
}

export interface OverDisclosure {
  userIds: string[];
  categories: DisclosureCategory[];
  /** Days before `from` or after `to` that were handed over. */
  outsideDates: boolean;
}

/**
 * Everything disclosed that the authority's document did not ask for. Empty means the disclosure
 * stays within the request; anything else needs counsel's written justification to be saved.
 */
export function overDisclosure(requested: Scope, disclosed: Scope): OverDisclosure | null {
  const userIds = disclosed.userIds.filter((id) => !requested.userIds.includes(id));
  const categories = disclosed.categories.filter((c) => !requested.categories.includes(c));
  const outsideDates = disclosed.from < requested.from || disclosed.to > requested.to;
  return userIds.length || categories.length || outsideDates ? { userIds, categories, outsideDates } : null;
}

/**
 * A foreign authority's request may not be answered with data stored in China unless the
 * competent Chinese authority approved it (Data Security Law art. 36, PIPL art. 41).
 */
export function foreignRequestBlocked(request: { domestic: boolean; foreignApproval: unknown | null }): boolean {
  return !request.domestic && request.foreignApproval === null;
}

/** The second person rule: whoever prepared an entry may not approve it. */
export const mayApprove = (preparedBy: string, approver: string): boolean => preparedBy !== approver;
