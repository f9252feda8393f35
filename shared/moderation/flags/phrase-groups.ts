import type { Category } from '../../platform/entities';
import type { PhraseGroup } from './flag-config';
import type { TextMatch } from './listing-flag';
import type { NormalisedText } from './normalise';

/**
 * Keyword lists (payment language, prohibited items) compiled once into one pattern per
 * group. Phrases are folded the way listing text is, so the data may be written in any form
 * (訂金, ＱＱ) and still match; characters may be pried apart with a space or a dot (定.金).
 */

/** Filler an evader slips inside a word; at most two per gap, so separate words do not join. */
const INSIDE_WORD = '[\\s*·._/|~-]{0,2}';
const INSIDE_WORD_CHARACTERS = /[\s*·._/|~-]/g;
/** Clause punctuation after folding: a negation on the far side of it belongs to another clause. */
const CLAUSE_END = '，,。.!！?？;；\\n';

const escapeCharacter = (ch: string) => ch.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

/**
 * The pattern for one folded phrase. A phrase that starts with a Latin letter or digit must
 * not continue a word (k粉 is not the end of 10k粉丝; v is not the middle of tv).
 */
export function phrasePattern(folded: string, inside: string = INSIDE_WORD): string {
  const body = [...folded].map(escapeCharacter).join(inside);
  return /^[a-z0-9]/.test(folded) ? `(?<![a-z0-9])${body}` : body;
}

/** Alternation that prefers the longest phrase, so 先付定金 wins over 定金 at the same place. */
export function alternation(folded: readonly string[], inside?: string): string {
  const unique = [...new Set(folded)].sort((a, b) => b.length - a.length);
  return unique.map((p) => phrasePattern(p, inside)).join('|');
}

export interface CompiledPhraseGroup {
  /** prohibited.weapon, payment.deposit … */
  readonly rule: string;
  readonly pattern: RegExp;
  readonly except: RegExp | null;
  readonly onlyIn: ReadonlySet<Category> | null;
  /** `pattern` made sticky, to be tried only where one of its phrases can begin. */
  readonly at: RegExp;
  /**
   * The units its phrases begin with: a phrase pattern starts with its first character, so no
   * match can begin anywhere else. Null if a phrase folds to nothing (it matches everywhere).
   */
  readonly firstUnits: ReadonlySet<number> | null;
}

/**
 * One family's groups (payment, prohibited) and, per UTF-16 unit, which of them have a phrase
 * beginning with it. Nearly every character of a listing begins none, so one table read skips
 * it for every group at once; a group's pattern runs only where one of its phrases begins.
 */
export interface PhraseFamily {
  readonly groups: readonly CompiledPhraseGroup[];
  readonly startingWith: ReadonlyMap<number, readonly number[]>;
  /** 1 where startingWith has an entry. */
  readonly beginsPhrase: Uint8Array;
}

function compileGroup(rule: string, group: PhraseGroup, fold: (phrase: string) => string): CompiledPhraseGroup {
  const phrases = group.phrases.map(fold);
  const pattern = new RegExp(alternation(phrases), 'g');
  return {
    rule,
    pattern,
    except: group.except.length > 0 ? new RegExp(alternation(group.except.map(fold)), 'g') : null,
    onlyIn: group.onlyIn ? new Set(group.onlyIn) : null,
    at: new RegExp(pattern.source, 'y'),
    firstUnits: phrases.every((p) => p.length > 0) ? new Set(phrases.map((p) => p.charCodeAt(0))) : null,
  };
}

export function compilePhraseGroups(
  family: string,
  groups: Readonly<Record<string, PhraseGroup>>,
  fold: (phrase: string) => string,
): PhraseFamily {
  const compiled = Object.entries(groups).map(([name, group]) => compileGroup(`${family}.${name}`, group, fold));
  const startingWith = new Map<number, number[]>();
  compiled.forEach((group, index) => {
    for (const unit of group.firstUnits ?? []) startingWith.set(unit, [...(startingWith.get(unit) ?? []), index]);
  });
  const beginsPhrase = new Uint8Array(0x10000);
  for (const unit of startingWith.keys()) beginsPhrase[unit] = 1;
  return { groups: compiled, startingWith, beginsPhrase };
}

/** Matches a negation that ends at most two characters before the end of the text, in the same clause. */
export function compileNegation(negations: readonly string[], fold: (phrase: string) => string): RegExp | null {
  if (negations.length === 0) return null;
  return new RegExp(`(?:${alternation(negations.map(fold), '')})[^${CLAUSE_END}]{0,2}$`);
}

function rangesOf(pattern: RegExp, text: string): [number, number][] {
  return [...text.matchAll(pattern)].map((m) => [m.index, m.index + m[0].length]);
}

export function appliesTo(group: CompiledPhraseGroup, category: Category): boolean {
  return group.onlyIn === null || group.onlyIn.has(category);
}

/**
 * Every occurrence of the group's phrases in the text, minus those inside an innocent longer
 * phrase and, when a negation is given, those the writer is warning against (拒绝私下交易).
 */
export function findPhrases(group: CompiledPhraseGroup, n: NormalisedText, negation: RegExp | null): TextMatch[] {
  const found: TextMatch[] = [];
  for (const m of n.text.matchAll(group.pattern)) {
    const start = m.index;
    const end = start + m[0].length;
    if (isInnocent(group, n, start, end, negation)) continue;
    found.push({ rule: group.rule, start, end, key: m[0].replace(INSIDE_WORD_CHARACTERS, '') });
  }
  return found;
}

/** Inside an innocent longer phrase, or written as a warning against it. Matches are rare, so this is worked out only for one. */
function isInnocent(group: CompiledPhraseGroup, n: NormalisedText, start: number, end: number, negation: RegExp | null): boolean {
  if (group.except && rangesOf(group.except, n.text).some(([a, b]) => a <= start && end <= b)) return true;
  return negation !== null && negation.test(n.text.slice(Math.max(0, start - 12), start));
}

/**
 * What findPhrases finds for each group of the family that applies to the category, in group
 * order, in one walk over the text. A group resumes after its last match, as a global
 * pattern's scan would, so the matches are the same ones.
 */
export function findFamilyPhrases(family: PhraseFamily, n: NormalisedText, negation: RegExp | null, category: Category): TextMatch[] {
  const { groups } = family;
  const { text } = n;
  let resumeAt: number[] | null = null;
  let found: (TextMatch[] | undefined)[] | null = null;
  for (let i = 0; i < text.length; i++) {
    if (family.beginsPhrase[text.charCodeAt(i)] !== 1) continue;
    for (const index of family.startingWith.get(text.charCodeAt(i)) ?? []) {
      const group = groups[index];
      resumeAt ??= groups.map(() => 0);
      if (!group || i < (resumeAt[index] ?? 0) || !appliesTo(group, category)) continue;
      group.at.lastIndex = i;
      const m = group.at.exec(text);
      if (!m) continue;
      const end = i + m[0].length;
      resumeAt[index] = end;
      found ??= [];
      const inGroup = (found[index] ??= []);
      if (isInnocent(group, n, i, end, negation)) continue;
      inGroup.push({ rule: group.rule, start: i, end, key: m[0].replace(INSIDE_WORD_CHARACTERS, '') });
    }
  }
  const all: TextMatch[] = [];
  groups.forEach((group, index) => {
    if (group.firstUnits === null) {
      if (appliesTo(group, category)) all.push(...findPhrases(group, n, negation));
    } else {
      all.push(...(found?.[index] ?? []));
    }
  });
  return all;
}
