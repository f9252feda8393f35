/**
 * Dates in the legal area are Guangzhou dates: a notice received at 07:30 on the 1st is a 1st
 * of the month entry whatever the machine's zone. Mainland China keeps UTC+8 with no summer
 * time, so a fixed offset is exact (the core counts the same way).
 */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/** The Guangzhou calendar date (YYYY-MM-DD) of an instant. */
export const shanghaiDay = (instant: string | Date): string =>
  new Date((typeof instant === 'string' ? Date.parse(instant) : instant.getTime()) + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);

export const shanghaiToday = (): string => shanghaiDay(new Date());

/** Whole days from `today` to `date`, both YYYY-MM-DD; negative once it has passed. */
export const daysUntil = (date: string, today: string): number => Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY_MS);

export const isCalendarDate = (text: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`));

/** A `datetime-local` value, read as Guangzhou time, as a UTC instant; null when incomplete. */
export function shanghaiLocalToIso(local: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local)) return null;
  const at = Date.parse(`${local}:00+08:00`);
  return Number.isNaN(at) ? null : new Date(at).toISOString();
}

/** An instant as a `datetime-local` value in Guangzhou time (the form's default: now). */
export const isoToShanghaiLocal = (instant: string | Date): string =>
  new Date((typeof instant === 'string' ? Date.parse(instant) : instant.getTime()) + SHANGHAI_OFFSET_MS).toISOString().slice(0, 16);

/** A term that ends on a date (a freeze "至2027年5月20日") runs to the end of that Guangzhou day. */
export const endOfShanghaiDay = (date: string): string => new Date(Date.parse(`${date}T23:59:59+08:00`)).toISOString();
