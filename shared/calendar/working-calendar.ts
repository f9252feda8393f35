import type { Holiday, OfficialSchedule } from './calendar-file';
import { addDays, dayNumber, fromDayNumber, isWeekend, yearOf, type IsoDate } from './civil-date';
import { computeDeadline, type Deadline, type RightsRequestClock } from './deadline';
import { statutoryHolidays } from './statutory-holidays';

/**
 * The mainland working-day calendar: the State Council's schedule where one is published, the
 * statutory holidays computed from the law where it is not (marked provisional, since the
 * notice that comes later will add 调休 days and substitutes the law leaves to it).
 *
 * A day is a working day when it is a make-up working day (调休上班), or a Monday to Friday
 * that is not a holiday.
 */
export interface WorkingCalendar {
  isWorkingDay(date: IsoDate): boolean;
  /** The holiday a date falls in, from the schedule or the statutory fallback. */
  holidayOn(date: IsoDate): Holiday | undefined;
  /** True when the date's year has no official schedule, so the statutory fallback decides it. */
  isProvisional(date: IsoDate): boolean;
  officialYears(): number[];
  /** The `count`-th working day after `date` (which itself is never counted). */
  addWorkingDays(date: IsoDate, count: number): IsoDate;
  /** Working days after `from`, up to and including `to`; 0 when `to` is not after `from`. */
  workingDaysBetween(from: IsoDate, to: IsoDate): number;
  /** A rights request's due date and standing at `now`; see deadline.ts for the convention. */
  deadline(clock: RightsRequestClock, now: string): Deadline;
}

interface YearRules {
  holidayByDate: Map<IsoDate, Holiday>;
  makeUpWorkdays: Set<IsoDate>;
  provisional: boolean;
}

function rulesFrom(holidays: Holiday[], makeUpWorkdays: string[], provisional: boolean): YearRules {
  const holidayByDate = new Map<IsoDate, Holiday>();
  for (const holiday of holidays) {
    for (let day = dayNumber(holiday.from); day <= dayNumber(holiday.to); day++) {
      const date = fromDayNumber(day);
      // The statutory 中秋 can fall inside 国庆 (2028): the day is named by the holiday listed first.
      if (!holidayByDate.has(date)) holidayByDate.set(date, holiday);
    }
  }
  return { holidayByDate, makeUpWorkdays: new Set(makeUpWorkdays), provisional };
}

/** `schedules` are parsed files (see `parseOfficialSchedule`); at most one per year. */
export function createWorkingCalendar(schedules: readonly OfficialSchedule[]): WorkingCalendar {
  const official = new Map<number, OfficialSchedule>();
  for (const schedule of schedules) {
    if (official.has(schedule.year)) throw new RangeError(`two official schedules for ${schedule.year}`);
    official.set(schedule.year, schedule);
  }
  const byYear = new Map<number, YearRules>();
  const rulesOf = (year: number): YearRules => {
    let rules = byYear.get(year);
    if (!rules) {
      const schedule = official.get(year);
      rules = schedule
        ? rulesFrom(schedule.holidays, schedule.makeUpWorkdays, false)
        : rulesFrom(statutoryHolidays(year), [], true);
      byYear.set(year, rules);
    }
    return rules;
  };

  const isWorkingDay = (date: IsoDate): boolean => {
    const rules = rulesOf(yearOf(date));
    if (rules.makeUpWorkdays.has(date)) return true;
    return !isWeekend(date) && !rules.holidayByDate.has(date);
  };

  const calendar: WorkingCalendar = {
    isWorkingDay,
    holidayOn: (date) => rulesOf(yearOf(date)).holidayByDate.get(date),
    isProvisional: (date) => !official.has(yearOf(date)),
    officialYears: () => [...official.keys()].sort((a, b) => a - b),
    addWorkingDays(date, count) {
      if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be a whole number of days, not ${count}`);
      let current = date;
      for (let found = 0; found < count; ) {
        current = addDays(current, 1);
        if (isWorkingDay(current)) found++;
      }
      return current;
    },
    workingDaysBetween(from, to) {
      let total = 0;
      for (let day = dayNumber(from) + 1; day <= dayNumber(to); day++) if (isWorkingDay(fromDayNumber(day))) total++;
      return total;
    },
    deadline: (clock, now) => computeDeadline(calendar, clock, now),
  };
  return calendar;
}
