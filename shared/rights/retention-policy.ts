import { z } from 'zod';

/**
 * What the law makes the platform keep when a user asks for deletion or cancels the account,
 * and for how long (PRODUCT.md, rules of the domain). Each figure is a default that the
 * platform's configuration may raise, never lower.
 */

/** The legal basis a record was kept on, shown on the ticket and in the user's letter. */
export const retentionBases = ['ecommerce_law_art31', 'cybersecurity_law_art21', 'legal_hold'] as const;
export const RetentionBasis = z.enum(retentionBases);
export type RetentionBasis = z.infer<typeof RetentionBasis>;

/** Kinds of personal data a deletion or cancellation deals with. */
export const personalDataSubjects = ['account', 'listing', 'transaction', 'login_log', 'report'] as const;
export const PersonalDataSubject = z.enum(personalDataSubjects);
export type PersonalDataSubject = z.infer<typeof PersonalDataSubject>;

export interface RetentionRule {
  basis: RetentionBasis;
  /** Kept this many months after the record's own date, then deleted. */
  months: number;
  /** Kept with the user's identity replaced, since only the record itself must survive. */
  anonymise: boolean;
}

/** Transaction records 3 years (E-commerce Law art. 31); network logs 6 months (Cybersecurity Law art. 21). */
export const defaultRetentionRules: Partial<Record<PersonalDataSubject, RetentionRule>> = {
  transaction: { basis: 'ecommerce_law_art31', months: 36, anonymise: true },
  login_log: { basis: 'cybersecurity_law_art21', months: 6, anonymise: true },
};

/** Periods run on the Beijing calendar: a login at 20:00Z on 20 May happened on 21 May in Guangzhou. */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const shanghaiDate = (instant: Date) => new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);

/** The first day (Beijing date) a record dated `recordedAt` may be deleted under its rule. */
export function keptUntil(recordedAt: string, rule: RetentionRule): string {
  const local = new Date(Date.parse(recordedAt) + SHANGHAI_OFFSET_MS);
  const until = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth() + rule.months, local.getUTCDate()));
  return until.toISOString().slice(0, 10);
}

/**
 * What happens to one record when its user's data is deleted: deleted now, or kept (anonymised)
 * until its retention ends, with the law that keeps it.
 */
export function fateOf(
  subject: PersonalDataSubject,
  recordedAt: string,
  now: Date,
  rules: Partial<Record<PersonalDataSubject, RetentionRule>> = defaultRetentionRules,
): { outcome: 'deleted' } | { outcome: 'anonymised' | 'kept'; basis: RetentionBasis; keptUntil: string } {
  const rule = rules[subject];
  if (!rule) return { outcome: 'deleted' };
  const until = keptUntil(recordedAt, rule);
  if (until <= shanghaiDate(now)) return { outcome: 'deleted' };
  return { outcome: rule.anonymise ? 'anonymised' : 'kept', basis: rule.basis, keptUntil: until };
}

/** Days after a listing's display period (展示期限) before the retention sweep removes it. */
export const DEFAULT_DISPLAY_GRACE_DAYS = 30;

export type ListingRetentionState = 'displayed' | 'due' | 'held' | 'done';

/** Where a listing stands in the retention view. */
export function listingRetentionState(
  listing: { displayUntil: string; status: string },
  held: boolean,
  today: string,
  graceDays: number = DEFAULT_DISPLAY_GRACE_DAYS,
): ListingRetentionState {
  if (listing.status === 'anonymised') return 'done';
  const due = new Date(`${listing.displayUntil}T00:00:00Z`);
  due.setUTCDate(due.getUTCDate() + graceDays);
  if (due.toISOString().slice(0, 10) > today) return 'displayed';
  return held ? 'held' : 'due';
}
