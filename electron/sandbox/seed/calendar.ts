/** Time arithmetic for the seeded world: everything is milliseconds before the anchor. */

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;
export const YEAR_MS = 365 * DAY_MS;

/** The platform runs on Beijing time, so a listing's display period ends on a Shanghai date. */
const SHANGHAI_OFFSET_MS = 8 * HOUR_MS;

/** Whole seconds: real platform timestamps rarely carry meaningful milliseconds. */
export function isoAt(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString();
}

export function shanghaiDate(ms: number): string {
  return new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

export function shanghaiYear(ms: number): number {
  return new Date(ms + SHANGHAI_OFFSET_MS).getUTCFullYear();
}
