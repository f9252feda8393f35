/**
 * How one character of a listing is read: the folds behind normaliseText (see normalise.ts),
 * and the same folds remembered in a table by UTF-16 unit, because the sync folds every
 * character of every listing it writes and a table read costs a fraction of a Map look-up and
 * a string per character.
 */

/** How a digit was written; a change of script inside a number is where an evader joined two. */
export type DigitScript = 'ascii' | 'enclosed' | 'hanzi';

export type CharacterFolds = ReadonlyMap<string, string>;

/** Zero-width and keycap marks: invisible to the reader, so they belong to the character before. */
export function isInvisible(cp: number): boolean {
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

export interface Folded {
  out: string;
  script: DigitScript | null;
}

export function foldCodePoint(cp: number, ch: string, folds: CharacterFolds): Folded {
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

/** Chinese numerals as read aloud in phone numbers, financial forms included; 幺 is how 1 is said. */
export const HANZI_DIGITS: ReadonlyMap<string, string> = new Map([
  ...[...'零〇一二三四五六七八九'].map((ch, i) => [ch, String(i === 0 ? 0 : i - 1)] as const),
  ...[...'壹贰叁肆伍陆柒捌玖'].map((ch, i) => [ch, String(i + 1)] as const),
  ['幺', '1'],
]);

/**
 * A table entry is the folded unit in the low 16 bits and its digit script above them, or
 * NOT_ONE_FOR_ONE for a unit the table cannot answer alone: a surrogate (half of an emoji or a
 * rare Han character), an invisible mark (it joins the character before), a fold to two units
 * (⑩ is "10"). Text holding one of those takes the character-by-character path.
 */
export const NOT_ONE_FOR_ONE = -1;
export const SCRIPT_NONE = 0;
export const SCRIPT_ASCII = 1;
const SCRIPT_CODES: Record<DigitScript, number> = { ascii: SCRIPT_ASCII, enclosed: 2, hanzi: 3 };
export const SCRIPT_NAMES: readonly (DigitScript | null)[] = [null, 'ascii', 'enclosed', 'hanzi'];

const UNKNOWN = -2;

/**
 * The folds of UTF-16 units, each worked out by foldCodePoint itself the first time the unit
 * is seen (so the table cannot disagree with it, and costs nothing up front), then read back.
 */
export class FoldTable {
  private readonly entries = new Int32Array(0x10000).fill(UNKNOWN);

  constructor(private readonly folds: CharacterFolds) {}

  entry(unit: number): number {
    const known = this.entries[unit] ?? NOT_ONE_FOR_ONE;
    return known === UNKNOWN ? this.learn(unit) : known;
  }

  private learn(unit: number): number {
    let entry = NOT_ONE_FOR_ONE;
    if (!(unit >= 0xd800 && unit <= 0xdfff) && !isInvisible(unit)) {
      const { out, script } = foldCodePoint(unit, String.fromCharCode(unit), this.folds);
      if (out.length === 1) entry = out.charCodeAt(0) | ((script ? SCRIPT_CODES[script] : SCRIPT_NONE) << 16);
    }
    this.entries[unit] = entry;
    return entry;
  }
}

const tables = new WeakMap<CharacterFolds, FoldTable>();

/** The table for a folds map, which must not change once used; the rules build theirs once and keep it. */
export function foldTableOf(folds: CharacterFolds): FoldTable {
  let table = tables.get(folds);
  if (!table) {
    table = new FoldTable(folds);
    tables.set(folds, table);
  }
  return table;
}

/** 1 for a Chinese numeral (HANZI_DIGITS), so a spelled-out number can be looked for only when there could be one. */
export const HANZI_DIGIT_UNITS: Uint8Array = (() => {
  const units = new Uint8Array(0x10000);
  for (const ch of HANZI_DIGITS.keys()) units[ch.charCodeAt(0)] = 1;
  return units;
})();
