import { z } from 'zod';
import { dayNumber, fromDayNumber, shanghaiDateOf, type IsoDate } from './civil-date';

/**
 * How long a rights request (查阅、复制、更正、删除 …) may take to answer, in working days on the
 * mainland calendar. The convention, which is the usual reading of 期间 in Chinese law
 * (期间开始的日，不计算在期间内):
 *
 * - Dates are Asia/Shanghai calendar dates of the UTC instants stored.
 * - The day of receipt is not counted; the count starts on the next working day, so a request
 *   received on Friday evening or on a holiday starts on the next working day all the same.
 * - A pause (waiting on the requester, e.g. for identity proof or a clarification) covers the
 *   dates strictly after the date it began, through the date it ended, inclusive. The day the
 *   clock stopped was a day we could work on the request, so it counts; the day the reply came
 *   is treated like a new day of receipt, so the count resumes the day after. A pause opened
 *   and closed on the same date therefore costs nothing, and every paused working day moves the
 *   due date by exactly one working day.
 * - While a pause is open, the due date is computed as if it ended today: the earliest the
 *   deadline can be, which moves one working day later for each further working day of waiting.
 * - The due date itself is the last day to answer: overdue means today is after it.
 */

export const DEFAULT_RIGHTS_REQUEST_WORKING_DAYS = 15;

const instant = z.iso.datetime({ offset: true });

/** A ticket's clock as stored: validate it at a boundary before computing with it. */
export const rightsRequestClockSchema = z.strictObject({
  receivedAt: instant,
  workingDays: z.number().int().min(1).max(365),
  pauses: z.array(
    z
      .strictObject({ from: instant, to: instant.optional() })
      .refine((p) => p.to === undefined || Date.parse(p.to) >= Date.parse(p.from), { message: 'the pause ends before it starts', path: ['to'] }),
  ),
});

export type RightsRequestClock = z.infer<typeof rightsRequestClockSchema>;

export interface Deadline {
  dueDate: IsoDate;
  /** Working days after today up to the due date; 0 on the due date; negative once overdue. */
  workingDaysLeft: number;
  overdue: boolean;
  /** A pause is open: the requester is being waited on. */
  paused: boolean;
  /** Some day counted, or the due date, lies in a year without an official State Council schedule. */
  provisional: boolean;
}

/** What the arithmetic needs from a calendar. */
export interface WorkingDayRules {
  isWorkingDay(date: IsoDate): boolean;
  isProvisional(date: IsoDate): boolean;
}

/** Ten years of days: a calendar with no working days in that span is broken, not slow. */
const SEARCH_LIMIT_DAYS = 3_660;

export function computeDeadline(calendar: WorkingDayRules, clock: RightsRequestClock, now: string): Deadline {
  if (!Number.isInteger(clock.workingDays) || clock.workingDays < 1) throw new RangeError(`workingDays must be a positive integer, not ${clock.workingDays}`);
  const received = dayNumber(shanghaiDateOf(clock.receivedAt));
  const today = dayNumber(shanghaiDateOf(now));
  const pausedSpans = clock.pauses.map((pause) => {
    if (pause.to !== undefined && Date.parse(pause.to) < Date.parse(pause.from)) throw new RangeError(`a pause ends before it starts: ${pause.from} > ${pause.to}`);
    return { after: dayNumber(shanghaiDateOf(pause.from)), through: pause.to === undefined ? today : dayNumber(shanghaiDateOf(pause.to)) };
  });
  const counts = (day: number) =>
    day > received && !pausedSpans.some((span) => day > span.after && day <= span.through) && calendar.isWorkingDay(fromDayNumber(day));

  let due = received;
  let provisional = false;
  for (let counted = 0; counted < clock.workingDays; ) {
    due++;
    if (due - received > SEARCH_LIMIT_DAYS) throw new RangeError('no working days found: is the calendar complete?');
    if (calendar.isProvisional(fromDayNumber(due))) provisional = true;
    if (counts(due)) counted++;
  }

  const countBetween = (after: number, through: number) => {
    let total = 0;
    for (let day = after + 1; day <= through; day++) if (counts(day)) total++;
    return total;
  };
  const overdue = today > due;
  // Overdue on a weekend is still overdue: at least one day late, never zero.
  const workingDaysLeft = overdue ? -Math.max(1, countBetween(due, today)) : countBetween(today, due);
  return {
    dueDate: fromDayNumber(due),
    workingDaysLeft,
    overdue,
    paused: clock.pauses.some((pause) => pause.to === undefined),
    provisional,
  };
}

export type Urgency = 'overdue' | 'due-soon' | 'on-track';

export const DEFAULT_DUE_SOON_WITHIN = 3;

/** The highlight a queue gives a request: due-soon is `dueSoonWithin` working days left or fewer. */
export function urgency(deadline: Pick<Deadline, 'overdue' | 'workingDaysLeft'>, dueSoonWithin = DEFAULT_DUE_SOON_WITHIN): Urgency {
  if (deadline.overdue) return 'overdue';
  return deadline.workingDaysLeft <= dueSoonWithin ? 'due-soon' : 'on-track';
}

const urgencyRank: Record<Urgency, number> = { overdue: 0, 'due-soon': 1, 'on-track': 2 };

/** Sort order for a queue: most urgent first, then the earlier due date. */
export function compareByUrgency(a: Deadline, b: Deadline, dueSoonWithin = DEFAULT_DUE_SOON_WITHIN): number {
  return urgencyRank[urgency(a, dueSoonWithin)] - urgencyRank[urgency(b, dueSoonWithin)] || a.dueDate.localeCompare(b.dueDate);
}
