/**
 * Calendar dates as 'YYYY-MM-DD' strings and the day arithmetic the working calendar needs.
 * A date is a civil date in Asia/Shanghai; it carries no time and no zone, so it compares as a
 * string and never shifts when the machine's own zone changes.
 */

/** A civil date, 'YYYY-MM-DD'. */
export type IsoDate = string;

export const DAY_MS = 86_400_000;
/** China has kept UTC+8 all year since 1992 (no daylight saving), so a fixed offset is exact. */
export const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** True for a date that exists on the Gregorian calendar (so '2025-02-29' is false). */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const probe = new Date(Date.UTC(y, m - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d;
}

/** Days since 1970-01-01: lets loops step by integers instead of re-parsing strings. */
export function dayNumber(date: IsoDate): number {
  if (!isIsoDate(date)) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

export function fromDayNumber(day: number): IsoDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(dayNumber(date) + days);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: IsoDate): number {
  return new Date(dayNumber(date) * DAY_MS).getUTCDay();
}

export function isWeekend(date: IsoDate): boolean {
  const day = weekday(date);
  return day === 0 || day === 6;
}

export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

export function isIsoInstant(value: string): boolean {
  return ISO_INSTANT.test(value) && !Number.isNaN(Date.parse(value));
}

/** The Shanghai calendar date of a UTC instant: 2025-01-20T17:30Z is already 2025-01-21 there. */
export function shanghaiDateOf(instant: string): IsoDate {
  if (!isIsoInstant(instant)) throw new RangeError(`not an ISO-8601 instant with a zone: ${instant}`);
  return fromDayNumber(Math.floor((Date.parse(instant) + SHANGHAI_OFFSET_MS) / DAY_MS));
}
