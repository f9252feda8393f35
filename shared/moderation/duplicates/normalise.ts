/**
 * Text normalisation before shingling. Reposters dodge exact-match filters with full-width
 * digits, spaces, punctuation and emoji; folding those away leaves the words that matter.
 * Only letters and digits survive (CJK included), lower-cased, full-width ASCII made half-width.
 */

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

/**
 * Verdicts for code points outside the fast paths (-1 drops it, otherwise the kept code point),
 * cached because the Unicode-property regex is slow per character. Bounded by the number of
 * distinct code points ever seen, and a pure function of them, so sharing it is harmless.
 */
const otherVerdicts = new Map<number, number>();

function isHan(c: number): boolean {
  return (
    (c >= 0x4e00 && c <= 0x9fff) || // CJK Unified Ideographs: nearly all listing text
    (c >= 0x3400 && c <= 0x4dbf) || // Extension A
    (c >= 0xf900 && c <= 0xfaff) || // Compatibility Ideographs
    (c >= 0x20000 && c <= 0x3ffff) // Extensions B and later (astral)
  );
}

function verdictForOther(c: number): number {
  const cached = otherVerdicts.get(c);
  if (cached !== undefined) return cached;
  const char = String.fromCodePoint(c);
  let verdict = -1;
  if (LETTER_OR_DIGIT.test(char)) {
    const lower = char.toLowerCase();
    const folded = lower.codePointAt(0);
    // A letter whose lower case is several code points (rare) is kept as it is.
    verdict = folded !== undefined && String.fromCodePoint(folded) === lower ? folded : c;
  }
  otherVerdicts.set(c, verdict);
  return verdict;
}

/** The normalised form of one code point, or -1 when it carries no meaning for similarity. */
export function normalisedCodePoint(code: number): number {
  if (code >= 0x4e00 && code <= 0x9fff) return code; // the common case, checked first
  // Full-width ASCII (！ to ～) is the same character typed with a Chinese IME.
  const c = code >= 0xff01 && code <= 0xff5e ? code - 0xfee0 : code;
  if (c < 0x80) {
    if (c >= 0x61 && c <= 0x7a) return c; // a-z
    if (c >= 0x30 && c <= 0x39) return c; // 0-9
    if (c >= 0x41 && c <= 0x5a) return c + 0x20; // A-Z
    return -1;
  }
  if (isHan(c)) return c;
  return verdictForOther(c);
}

/**
 * A growable buffer of normalised code points, reused across listings so that 100,000 of
 * them do not allocate 100,000 arrays.
 */
export class NormalisedText {
  codes = new Int32Array(256);
  length = 0;

  clear(): this {
    this.length = 0;
    return this;
  }

  append(text: string): this {
    for (let i = 0; i < text.length; i++) {
      let code = text.charCodeAt(i);
      if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
        const low = text.charCodeAt(i + 1);
        if (low >= 0xdc00 && low <= 0xdfff) {
          code = (code - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
          i++;
        }
      }
      const kept = normalisedCodePoint(code);
      if (kept < 0) continue;
      if (this.length === this.codes.length) {
        const grown = new Int32Array(this.codes.length * 2);
        grown.set(this.codes);
        this.codes = grown;
      }
      this.codes[this.length++] = kept;
    }
    return this;
  }

  toString(): string {
    let text = '';
    for (let i = 0; i < this.length; i++) text += String.fromCodePoint(this.codes[i] ?? 0);
    return text;
  }
}

/** A listing's comparable text: title then body, normalised. */
export function normaliseListingText(title: string, body: string): string {
  return new NormalisedText().append(title).append(body).toString();
}
