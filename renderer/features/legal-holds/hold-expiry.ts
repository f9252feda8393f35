import { daysUntil, shanghaiDay } from '../legal-area/legal-dates';

/** A hold lapsing within this many days is highlighted: renew it, or let it go on purpose (the core reminds at the same horizon). */
export const HOLD_EXPIRY_WARNING_DAYS = 14;

export type HoldExpiry = { date: string; days: number; urgency: 'passed' | 'soon' | 'later' } | null;

/** When a hold lapses, on the Guangzhou calendar; null for a hold with no end date. */
export function holdExpiry(expiresAt: string | null, today: string): HoldExpiry {
  if (!expiresAt) return null;
  const date = shanghaiDay(expiresAt);
  const days = daysUntil(date, today);
  return { date, days, urgency: days < 0 ? 'passed' : days <= HOLD_EXPIRY_WARNING_DAYS ? 'soon' : 'later' };
}
