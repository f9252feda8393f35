import { daysUntil } from '../legal-area/legal-dates';

/** A processor agreement due for review within this many days is highlighted (the core reminds at the same horizon). */
export const PROCESSOR_REVIEW_WARNING_DAYS = 30;

export type ReviewState = { urgency: 'overdue' | 'due_soon'; days: number } | null;

export function reviewState(reviewDate: string, today: string): ReviewState {
  const days = daysUntil(reviewDate, today);
  if (days < 0) return { urgency: 'overdue', days: -days };
  return days <= PROCESSOR_REVIEW_WARNING_DAYS ? { urgency: 'due_soon', days } : null;
}
