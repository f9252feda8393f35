import type { ExecutionStep } from '../platform/rights-entities';
import { fateOf, type PersonalDataSubject, type RetentionBasis, type RetentionRule } from './retention-policy';

/**
 * What execution did to each record, summed into the steps a ticket shows and its letter
 * quotes. Pure: the platform decides each record's fate with `fateOf` and hands them here.
 */

/** One record's fate: what happened to it, and the law that keeps it when it was kept. */
export interface RecordFate {
  outcome: ExecutionStep['outcome'];
  basis: RetentionBasis | null;
  keptUntil: string | null;
}

/** `fateOf` in the shape a step needs: a deleted record has no basis and no date. */
export function recordFate(
  subject: PersonalDataSubject,
  recordedAt: string,
  now: Date,
  rules?: Partial<Record<PersonalDataSubject, RetentionRule>>,
): RecordFate {
  const fate = fateOf(subject, recordedAt, now, rules);
  return fate.outcome === 'deleted' ? { outcome: 'deleted', basis: null, keptUntil: null } : fate;
}

const isKept = (fate: RecordFate) => fate.basis !== null;

/**
 * A listing follows its transactions: while the law keeps one of them, the listing stays as part
 * of that record, anonymised, until the last of them may go; otherwise it is deleted.
 */
export function listingFate(transactionFates: readonly RecordFate[]): RecordFate {
  const kept = transactionFates.filter(isKept);
  if (kept.length === 0) return { outcome: 'deleted', basis: null, keptUntil: null };
  return { outcome: 'anonymised', basis: kept[0]!.basis, keptUntil: latest(kept.map((f) => f.keptUntil)) };
}

function latest(dates: readonly (string | null)[]): string | null {
  return dates.reduce<string | null>((max, d) => (d !== null && (max === null || d > max) ? d : max), null);
}

/**
 * One step per outcome and basis, counting its records. Records kept on the same basis until
 * different days are one step kept until the last of those days: the letter promises no more.
 */
export function stepsOf(subject: PersonalDataSubject, fates: readonly RecordFate[]): ExecutionStep[] {
  const steps = new Map<string, ExecutionStep>();
  for (const fate of fates) {
    const key = `${fate.outcome}/${fate.basis ?? ''}`;
    const step = steps.get(key);
    if (step) {
      step.count += 1;
      step.keptUntil = latest([step.keptUntil, fate.keptUntil]);
    } else {
      steps.set(key, { subject, count: 1, outcome: fate.outcome, basis: fate.basis, keptUntil: fate.keptUntil });
    }
  }
  return [...steps.values()];
}
