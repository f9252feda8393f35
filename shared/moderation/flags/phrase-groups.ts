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
}

export function compilePhraseGroups(
  family: string,
  groups: Readonly<Record<string, PhraseGroup>>,
  fold: (phrase: string) => string,
): CompiledPhraseGroup[] {
  return Object.entries(groups).map(([name, group]) => ({
    rule: `${family}.${name}`,
    pattern: new RegExp(alternation(group.phrases.map(fold)), 'g'),
    except: group.except.length > 0 ? new RegExp(alternation(group.except.map(fold)), 'g') : null,
    onlyIn: group.onlyIn ? new Set(group.onlyIn) : null,
  }));
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
  const innocent = group.except ? rangesOf(group.except, n.text) : [];
  const found: TextMatch[] = [];
  for (const m of n.text.matchAll(group.pattern)) {
    const start = m.index;
    const end = start + m[0].length;
    if (innocent.some(([a, b]) => a <= start && end <= b)) continue;
    if (negation && negation.test(n.text.slice(Math.max(0, start - 12), start))) continue;
    found.push({ rule: group.rule, start, end, key: m[0].replace(INSIDE_WORD_CHARACTERS, '') });
  }
  return found;
}
