/**
 * The canonical text the flag rules match on, and the way back from it to the original.
 *
 * Evasions change how characters look, not what they say: １３８, ①③⑧, 一三八 and 壹叁捌 all
 * read as 138 to a buyer. Folding them to one form lets a handful of patterns do the work of
 * hundreds; remembering where every folded character came from lets the moderator see the
 * evasion itself highlighted, not our reading of it.
 */

/** How a digit was written; a change of script inside a number is where an evader joined two. */
export type DigitScript = 'ascii' | 'enclosed' | 'hanzi';

export interface NormalisedText {
  readonly original: string;
  /** Lower-case, half-width, simplified; separators are kept so word boundaries survive. */
  readonly text: string;
  /** text[i] came from original.slice(starts[i], ends[i]). */
  readonly starts: readonly number[];
  readonly ends: readonly number[];
  /** For each digit in `text`, how it was written; null for everything else. */
  readonly digitScripts: readonly (DigitScript | null)[];
}

export type CharacterFolds = ReadonlyMap<string, string>;

/** Characters written between digits to defeat a digit-run filter: 138-1234.5678, 1 3 8, 1*3*8. */
const DIGIT_SEPARATOR = /^[ \t\u00a0\-./\\_·•・*#~,、()|+—–]$/;
/** A separator stretch longer than this ends a number: "3 - 5" joins, a sentence of dashes does not. */
export const MAX_SEPARATOR_RUN = 3;

export function isDigitSeparator(ch: string | undefined): boolean {
  return ch !== undefined && DIGIT_SEPARATOR.test(ch);
}

/** Chinese numerals as read aloud in phone numbers, financial forms included; 幺 is how 1 is said. */
const HANZI_DIGITS: ReadonlyMap<string, string> = new Map([
  ...[...'零〇一二三四五六七八九'].map((ch, i) => [ch, String(i === 0 ? 0 : i - 1)] as const),
  ...[...'壹贰叁肆伍陆柒捌玖'].map((ch, i) => [ch, String(i + 1)] as const),
  ['幺', '1'],
]);

/**
 * A run of Chinese numerals this long is a number being spelled out. Shorter runs are words:
 * 一个, 三房两厅, 七八成新, 九五新, 二〇一九年.
 */
export const MIN_SPELLED_NUMBER = 7;

/** Zero-width and keycap marks: invisible to the reader, so they belong to the character before. */
function isInvisible(cp: number): boolean {
  return (cp >= 0x200b && cp <= 0x200d) || cp === 0x2060 || cp === 0xfeff || cp === 0xfe0e || cp === 0xfe0f || cp === 0x20e3;
}

/** The number an enclosed or parenthesised digit stands for: ① ⑴ ⒈ ❶ ➀ ➊ ⓪ ⓫ ⓵. */
function enclosedNumber(cp: number): number | null {
  if (cp >= 0x2460 && cp <= 0x2473) return cp - 0x2460 + 1; // ① … ⑳
  if (cp >= 0x2474 && cp <= 0x2487) return cp - 0x2474 + 1; // ⑴ … ⒇
  if (cp >= 0x2488 && cp <= 0x249b) return cp - 0x2488 + 1; // ⒈ … ⒛
  if (cp === 0x24ea || cp === 0x24ff) return 0; // ⓪ ⓿
  if (cp >= 0x24eb && cp <= 0x24f4) return cp - 0x24eb + 11; // ⓫ … ⓴
  if (cp >= 0x24f5 && cp <= 0x24fe) return cp - 0x24f5 + 1; // ⓵ … ⓾
  if (cp >= 0x2776 && cp <= 0x2793) return ((cp - 0x2776) % 10) + 1; // ❶…❿ ➀…➉ ➊…➓
  return null;
}

interface Folded {
  out: string;
  script: DigitScript | null;
}

function foldCodePoint(cp: number, ch: string, folds: CharacterFolds): Folded {
  const enclosed = enclosedNumber(cp);
  if (enclosed !== null) return { out: String(enclosed), script: 'enclosed' };
  let c = cp;
  if (c === 0x3000) c = 0x20; // ideographic space
  else if (c === 0x2795 || c === 0xfe62) c = 0x2b; // ➕ and small plus, as in "➕V"
  else if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0; // full-width ASCII is the same key typed with an IME
  if (c >= 0x41 && c <= 0x5a) c += 0x20;
  if (c < 0x80) return { out: String.fromCharCode(c), script: c >= 0x30 && c <= 0x39 ? 'ascii' : null };
  return { out: folds.get(ch) ?? ch, script: null };
}

/** Turns spelled-out numbers (runs of at least MIN_SPELLED_NUMBER digit-like characters) into digits. */
function readSpelledNumbers(chars: string[], scripts: (DigitScript | null)[]): void {
  const isDigitLike = (ch: string | undefined) => ch !== undefined && (/^[0-9]$/.test(ch) || HANZI_DIGITS.has(ch));
  let i = 0;
  while (i < chars.length) {
    if (!isDigitLike(chars[i])) {
      i++;
      continue;
    }
    const members = [i];
    let j = i + 1;
    while (j < chars.length) {
      if (isDigitLike(chars[j])) {
        members.push(j++);
        continue;
      }
      let k = j;
      while (k < chars.length && k - j < MAX_SEPARATOR_RUN && isDigitSeparator(chars[k])) k++;
      if (k === j || !isDigitLike(chars[k])) break;
      j = k;
    }
    if (members.length >= MIN_SPELLED_NUMBER) {
      for (const m of members) {
        const digit = HANZI_DIGITS.get(chars[m] ?? '');
        if (digit === undefined) continue;
        chars[m] = digit;
        scripts[m] = 'hanzi';
      }
    }
    i = j;
  }
}

export function normaliseText(original: string, folds: CharacterFolds): NormalisedText {
  const chars: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const scripts: (DigitScript | null)[] = [];
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
        scripts.push(null);
      }
    } else {
      const folded = foldCodePoint(cp, original.charAt(i), folds);
      for (const unit of folded.out) {
        chars.push(unit);
        starts.push(i);
        ends.push(end);
        scripts.push(folded.script);
      }
    }
    i = end;
  }
  readSpelledNumbers(chars, scripts);
  return { original, text: chars.join(''), starts, ends, digitScripts: scripts };
}

/** The original range behind normalised text [start, end); an empty range maps to an empty one. */
export function originalRange(n: NormalisedText, start: number, end: number): { start: number; end: number } {
  if (end <= start) {
    const at = n.starts[start] ?? n.original.length;
    return { start: at, end: at };
  }
  return { start: n.starts[start] ?? n.original.length, end: n.ends[end - 1] ?? n.original.length };
}
