import {
  foldCodePoint, foldTableOf, HANZI_DIGIT_UNITS, HANZI_DIGITS, isInvisible, NOT_ONE_FOR_ONE, SCRIPT_ASCII, SCRIPT_NAMES,
  type CharacterFolds, type DigitScript, type FoldTable,
} from './character-folds';

/**
 * The canonical text the flag rules match on, and the way back from it to the original.
 *
 * Evasions change how characters look, not what they say: １３８, ①③⑧, 一三八 and 壹叁捌 all
 * read as 138 to a buyer. Folding them to one form lets a handful of patterns do the work of
 * hundreds; remembering where every folded character came from lets the moderator see the
 * evasion itself highlighted, not our reading of it.
 */

export type { CharacterFolds, DigitScript } from './character-folds';

export interface NormalisedText {
  readonly original: string;
  /** Lower-case, half-width, simplified; separators are kept so word boundaries survive. */
  readonly text: string;
  /** text[i] came from original.slice(starts[i], ends[i]). */
  readonly starts: readonly number[];
  readonly ends: readonly number[];
  /** starts[index] (original.length past the end), without building the array when it is the identity. */
  startOf(index: number): number;
  /** ends[index] (original.length past the end). */
  endOf(index: number): number;
  /** How the digit at text[index] was written; null for everything else. */
  digitScriptAt(index: number): DigitScript | null;
}

/** Characters written between digits to defeat a digit-run filter: 138-1234.5678, 1 3 8, 1*3*8. */
const DIGIT_SEPARATOR = /^[ \t\u00a0\-./\\_·•・*#~,、()|+—–]$/;
/** A separator stretch longer than this ends a number: "3 - 5" joins, a sentence of dashes does not. */
export const MAX_SEPARATOR_RUN = 3;

/** DIGIT_SEPARATOR's answer by UTF-16 unit, remembered: the digit loops ask it of every character next to a digit. */
const separatorUnits = new Int8Array(0x10000).fill(-1);

export function isSeparatorUnit(unit: number): boolean {
  let known = separatorUnits[unit] ?? 0;
  if (known === -1) {
    known = DIGIT_SEPARATOR.test(String.fromCharCode(unit)) ? 1 : 0;
    separatorUnits[unit] = known;
  }
  return known === 1;
}

/**
 * A run of Chinese numerals this long is a number being spelled out. Shorter runs are words:
 * 一个, 三房两厅, 七八成新, 九五新, 二〇一九年.
 */
export const MIN_SPELLED_NUMBER = 7;

/** Digits other than ASCII ones, by position in the text; every other digit was typed as ASCII. */
type UnusualDigits = Map<number, DigitScript | null>;

class FoldedText implements NormalisedText {
  private identity: number[] | null = null;

  constructor(
    readonly original: string,
    readonly text: string,
    /** Null when text[i] came from original[i] alone, as in nearly every listing: no arrays to build. */
    private readonly offsets: { starts: number[]; ends: number[] } | null,
    private readonly unusualDigits: UnusualDigits | null,
  ) {}

  get starts(): readonly number[] {
    return this.offsets?.starts ?? this.identityOffsets();
  }

  get ends(): readonly number[] {
    return this.offsets?.ends ?? this.identityOffsets().map((i) => i + 1);
  }

  startOf(index: number): number {
    if (this.offsets) return this.offsets.starts[index] ?? this.original.length;
    return index >= 0 && index < this.text.length ? index : this.original.length;
  }

  endOf(index: number): number {
    if (this.offsets) return this.offsets.ends[index] ?? this.original.length;
    return index >= 0 && index < this.text.length ? index + 1 : this.original.length;
  }

  digitScriptAt(index: number): DigitScript | null {
    if (this.unusualDigits?.has(index)) return this.unusualDigits.get(index) ?? null;
    const unit = this.text.charCodeAt(index);
    return unit >= 0x30 && unit <= 0x39 ? 'ascii' : null;
  }

  private identityOffsets(): number[] {
    this.identity ??= Array.from({ length: this.text.length }, (_, i) => i);
    return this.identity;
  }
}

const isAsciiDigit = (unit: number) => unit >= 0x30 && unit <= 0x39;
const isDigitLike = (text: string, i: number) => i < text.length && (isAsciiDigit(text.charCodeAt(i)) || HANZI_DIGIT_UNITS[text.charCodeAt(i)] === 1);

/**
 * Reads spelled-out numbers (runs of at least MIN_SPELLED_NUMBER digit-like characters, joined
 * across short separator stretches) as digits. Each numeral is one unit and so is its digit, so
 * positions, and the map back to the original, stay as they were.
 */
function readSpelledNumbers(text: string, unusual: UnusualDigits | null): { text: string; unusual: UnusualDigits | null } {
  let read = '';
  let copiedTo = 0;
  let i = 0;
  while (i < text.length) {
    if (!isDigitLike(text, i)) {
      i++;
      continue;
    }
    const members = [i];
    let j = i + 1;
    while (j < text.length) {
      if (isDigitLike(text, j)) {
        members.push(j++);
        continue;
      }
      let k = j;
      while (k < text.length && k - j < MAX_SEPARATOR_RUN && isSeparatorUnit(text.charCodeAt(k))) k++;
      if (k === j || !isDigitLike(text, k)) break;
      j = k;
    }
    if (members.length >= MIN_SPELLED_NUMBER) {
      for (const m of members) {
        const digit = HANZI_DIGITS.get(text.charAt(m));
        if (digit === undefined) continue;
        read += text.slice(copiedTo, m) + digit;
        copiedTo = m + 1;
        (unusual ??= new Map()).set(m, 'hanzi');
      }
    }
    i = j;
  }
  return { text: copiedTo === 0 ? text : read + text.slice(copiedTo), unusual };
}

/**
 * The common case: every unit of the original folds to exactly one unit (no emoji, invisible
 * mark or ⑩), so text[i] came from original[i] and no offsets need keeping. Unchanged stretches
 * are copied as slices, and text with nothing to fold is the original string itself. Null when
 * a unit needs the character-by-character path.
 */
function foldOneForOne(original: string, table: FoldTable): NormalisedText | null {
  let text = '';
  let copiedTo = 0;
  let unusual: UnusualDigits | null = null;
  let digitLike = 0;
  let numerals = 0;
  for (let i = 0; i < original.length; i++) {
    const unit = original.charCodeAt(i);
    const entry = table.entry(unit);
    if (entry === NOT_ONE_FOR_ONE) return null;
    const out = entry & 0xffff;
    if (out !== unit) {
      text += original.slice(copiedTo, i) + String.fromCharCode(out);
      copiedTo = i + 1;
    }
    if (isAsciiDigit(out)) {
      digitLike++;
      const script = entry >>> 16;
      if (script !== SCRIPT_ASCII) (unusual ??= new Map()).set(i, SCRIPT_NAMES[script] ?? null);
    } else if (HANZI_DIGIT_UNITS[out] === 1) {
      digitLike++;
      numerals++;
    }
  }
  text = copiedTo === 0 ? original : text + original.slice(copiedTo);
  // Most text has a 一 or a 三 somewhere; only enough of them can make a number.
  if (numerals > 0 && digitLike >= MIN_SPELLED_NUMBER) ({ text, unusual } = readSpelledNumbers(text, unusual));
  return new FoldedText(original, text, null, unusual);
}

/** Every other text: folded a code point at a time, remembering where each unit came from. */
function foldCharacterByCharacter(original: string, folds: CharacterFolds): NormalisedText {
  const chars: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let unusual: UnusualDigits | null = null;
  for (let i = 0; i < original.length; ) {
    const cp = original.codePointAt(i) ?? 0;
    const width = cp > 0xffff ? 2 : 1;
    const end = i + width;
    if (isInvisible(cp)) {
      // Extend the previous character so a highlight ending on it covers the mark too.
      if (ends.length > 0) ends[ends.length - 1] = end;
    } else if (width === 2) {
      // Astral characters (emoji, rare Han) pass through as their two UTF-16 units.
      for (let u = i; u < end; u++) {
        chars.push(original.charAt(u));
        starts.push(i);
        ends.push(end);
      }
    } else {
      const folded = foldCodePoint(cp, original.charAt(i), folds);
      for (const unit of folded.out) {
        if (isAsciiDigit(unit.charCodeAt(0)) && folded.script !== 'ascii') (unusual ??= new Map()).set(chars.length, folded.script);
        chars.push(unit);
        starts.push(i);
        ends.push(end);
      }
    }
    i = end;
  }
  const read = readSpelledNumbers(chars.join(''), unusual);
  return new FoldedText(original, read.text, { starts, ends }, read.unusual);
}

export function normaliseText(original: string, folds: CharacterFolds): NormalisedText {
  return foldOneForOne(original, foldTableOf(folds)) ?? foldCharacterByCharacter(original, folds);
}

/** The original range behind normalised text [start, end); an empty range maps to an empty one. */
export function originalRange(n: NormalisedText, start: number, end: number): { start: number; end: number } {
  if (end <= start) {
    const at = n.startOf(start);
    return { start: at, end: at };
  }
  return { start: n.startOf(start), end: n.endOf(end - 1) };
}
