import type { PriceUnit } from '../../../shared/platform/entities';
import type { Rng } from './random';
import type { Place } from './vocabulary/geography';

/** What a category composer hands back before violations are planted and ids are stamped. */
export interface ListingDraft {
  title: string;
  /** Each ends with its own punctuation; joined without separators as zh-CN text is. */
  sentences: string[];
  priceFen: number | null;
  priceUnit: PriceUnit;
  /** What this sub-type usually costs (fen), so a planted "too low" price is measured against it. */
  normFen: number | null;
}

export interface DraftContext {
  rng: Rng;
  place: Place;
  /** Calendar year of the anchor, for car registration years and model years. */
  anchorYear: number;
}

/** A body line: fixed text, or text that needs a number or a place drawn for it. */
export type Line = string | ((c: DraftContext) => string);

export function say(line: Line, c: DraftContext): string {
  return typeof line === 'string' ? line : line(c);
}

/** k distinct lines from a table, rendered. */
export function sayFrom(lines: readonly Line[], k: number, c: DraftContext): string[] {
  return c.rng.sample(lines, k).map((line) => say(line, c));
}

/** Asking prices cluster on round numbers; step is in yuan. */
export function roundYuan(yuan: number, step: number): number {
  return Math.max(step, Math.round(yuan / step) * step);
}

export function fenOf(yuan: number): number {
  return Math.round(yuan * 100);
}

/** A believable step for a price of this size: 5 for a bottle warmer, 100 for a rent, 1000 for a car. */
export function stepFor(yuan: number): number {
  if (yuan < 100) return 5;
  if (yuan < 1000) return 10;
  if (yuan < 10000) return 50;
  if (yuan < 100000) return 500;
  return 1000;
}

/** 128000 → 12.8万, as car and flat prices are written. */
export function wan(yuan: number): string {
  return `${Math.round(yuan / 1000) / 10}万`;
}
