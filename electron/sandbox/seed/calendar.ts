/** Time arithmetic for the seeded world: everything is milliseconds before the anchor. */

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;
export const YEAR_MS = 365 * DAY_MS;

/** The platform runs on Beijing time, so a listing's display period ends on a Shanghai date. */
const SHANGHAI_OFFSET_MS = 8 * HOUR_MS;

/*
 * A million listings carry three timestamps each, and Date#toISOString was a sixth of the
 * generation time. The world spans a few thousand distinct days, so day strings are cached
 * and the time of day is assembled from a two-digit table.
 */
const dayCache = new Map<number, string>();
const TWO_DIGITS = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));

function dayString(epochDay: number): string {
  let cached = dayCache.get(epochDay);
  if (cached === undefined) {
    // Bounded anyway (a world spans ~5 years), but a long-lived process may seed many worlds.
    if (dayCache.size > 100_000) dayCache.clear();
    cached = new Date(epochDay * DAY_MS).toISOString().slice(0, 10);
    dayCache.set(epochDay, cached);
  }
  return cached;
}

/** ISO-8601 UTC in whole seconds: real platform timestamps rarely carry meaningful milliseconds. */
export function isoAt(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  const epochDay = Math.floor(seconds / 86_400);
  const inDay = seconds - epochDay * 86_400;
  const h = Math.floor(inDay / 3600);
  const m = Math.floor((inDay - h * 3600) / 60);
  const s = inDay - h * 3600 - m * 60;
  return `${dayString(epochDay)}T${TWO_DIGITS[h]}:${TWO_DIGITS[m]}:${TWO_DIGITS[s]}.000Z`;
}

export function shanghaiDate(ms: number): string {
  return dayString(Math.floor((ms + SHANGHAI_OFFSET_MS) / DAY_MS));
}

export function shanghaiYear(ms: number): number {
  return new Date(ms + SHANGHAI_OFFSET_MS).getUTCFullYear();
}
