import { isGroupBoundary, runStartingAt, type DigitRun } from './digit-runs';
import type { FlagConfig } from './flag-config';
import type { TextMatch } from './listing-flag';
import type { NormalisedText } from './normalise';
import { alternation } from './phrase-groups';

/**
 * Contact details written into a listing to take the conversation (and later the money) off
 * the platform, where neither the buyer nor the console can see it. Phones are found in digit
 * runs by shape; WeChat and QQ by the word that announces them, because an id on its own
 * (gz_chen88, 12345678) is indistinguishable from a model number or a price.
 */

export interface ContactRules {
  readonly wechat: RegExp;
  readonly qq: RegExp;
  /**
   * Any character an introducer begins with. Neither pattern can match without its introducer,
   * and most listings hold none of these characters, so a quick test spares the full pattern.
   */
  readonly wechatCouldStart: RegExp;
  readonly qqCouldStart: RegExp;
}

/** A character class of the first UTF-16 units of the phrases, escaped as \uXXXX so no unit is special in it. */
function firstUnitClass(phrases: readonly string[]): RegExp {
  // An introducer that folds to nothing matches anywhere, so any text could hold one.
  if (phrases.some((p) => p.length === 0)) return /(?:)/;
  const units = [...new Set(phrases.map((p) => p.charCodeAt(0)))];
  return new RegExp(`[${units.map((u) => `\\u${u.toString(16).padStart(4, '0')}`).join('')}]`);
}

/** Between an introducer and the id: "微信：", "QQ号 ", "vx -> ". */
const GAP_CHARACTERS = '[\\s:=~>(\\-—]{0,3}';
/** An introducer may be pried apart too: 微 信, V 信. */
const INSIDE_INTRODUCER = '\\s{0,2}';
/**
 * WeChat's own rule is a letter then 5–19 letters, digits, _ or -. Sellers also write shorter
 * aliases and nicknames after the introducer (vx:li888, 薇信：su76), so 4–5 characters are
 * accepted too when they look made up (see plausibleId).
 */
const WECHAT_ID = '[a-z][-_a-z0-9]{3,19}(?![-_a-z0-9])';

export function compileContactRules(contact: FlagConfig['contact'], fold: (phrase: string) => string): ContactRules {
  const prefixes = alternation(contact.addPrefixes.map(fold), INSIDE_INTRODUCER);
  const labels = alternation(contact.idLabels.map(fold), '');
  const head = (introducers: readonly string[]) =>
    `(?<prefix>(?:${prefixes})\\s{0,2})?(?<intro>${alternation(introducers.map(fold), INSIDE_INTRODUCER)})` +
    `(?<gap>${GAP_CHARACTERS}(?:${labels})?${GAP_CHARACTERS})`;
  return {
    wechat: new RegExp(`${head(contact.wechatIntroducers)}(?:(?<same>同号)|(?<id>${WECHAT_ID})|(?=[0-9]))`, 'g'),
    qq: new RegExp(`${head(contact.qqIntroducers)}(?=[1-9])`, 'g'),
    wechatCouldStart: firstUnitClass(contact.wechatIntroducers.map(fold)),
    qqCouldStart: firstUnitClass(contact.qqIntroducers.map(fold)),
  };
}

interface NumberAt {
  /** Offsets into the normalised text. */
  start: number;
  end: number;
  digits: string;
}

function numberAt(run: DigitRun, from: number, length: number): NumberAt {
  return {
    start: run.at[from] ?? 0,
    end: (run.at[from + length - 1] ?? 0) + 1,
    digits: run.digits.slice(from, from + length),
  };
}

/** Mainland mobile: 11 digits, 1[3-9], starting and ending on a group boundary. */
function mobileFrom(run: DigitRun, from: number): NumberAt | null {
  const candidate = run.digits.slice(from, from + 11);
  if (!/^1[3-9]\d{9}$/.test(candidate) || !isGroupBoundary(run, from + 11)) return null;
  return numberAt(run, from, 11);
}

/** Guangzhou landline: 020 and a 7–8 digit local number that does not start with 0 or 1. */
function landlineFrom(run: DigitRun, from: number): NumberAt | null {
  if (run.digits.slice(from, from + 3) !== '020' || !/[2-9]/.test(run.digits.charAt(from + 3))) return null;
  for (const local of [8, 7]) {
    if (from + 3 + local <= run.digits.length && isGroupBoundary(run, from + 3 + local)) return numberAt(run, from, 3 + local);
  }
  return null;
}

function groupStartsInOrder(run: DigitRun): number[] {
  return [...run.groupStarts].sort((a, b) => a - b);
}

function phoneNumbers(runs: readonly DigitRun[]): TextMatch[] {
  const found: TextMatch[] = [];
  for (const run of runs) {
    let consumedTo = 0;
    for (const from of groupStartsInOrder(run)) {
      if (from < consumedTo) continue;
      const mobile = mobileFrom(run, from);
      const landline = mobile ? null : landlineFrom(run, from);
      const hit = mobile ?? landline;
      if (!hit) continue;
      found.push({ rule: mobile ? 'contact.phone' : 'contact.landline', start: hit.start, end: hit.end, key: hit.digits });
      consumedTo = from + hit.digits.length;
    }
  }
  return found;
}

/**
 * No rule here reads a number shorter than this: a QQ number has 5 digits at least (qqNumber),
 * a phone 10 or 11. Shorter digit runs (prices, sizes, years) need not even be built.
 */
export const MIN_CONTACT_DIGITS = 5;

/** A QQ number: the longest stretch of whole groups, 5 to 11 digits, right after the introducer. */
function qqNumber(run: DigitRun): NumberAt | null {
  const ends = [...groupStartsInOrder(run).slice(1), run.digits.length].filter((e) => e >= 5 && e <= 11);
  const longest = ends[ends.length - 1];
  return longest === undefined ? null : numberAt(run, 0, longest);
}

/**
 * A one-character introducer (V, 薇, 威) is also an ordinary letter or word, so without 加/+
 * it needs an id that looks made up (a digit, _ or -): "V gz_chen8" yes, "V sweater" no. A
 * Latin introducer glued to a Latin id is a word (vintage), not an introduction.
 */
function plausibleId(groups: Record<string, string | undefined>): boolean {
  const id = groups.id ?? '';
  const intro = (groups.intro ?? '').replace(/\s/g, '');
  const madeUp = /[0-9_-]/.test(id);
  // Shorter than WeChat allows: only an alias with a digit or _ (li888), never a word (apple).
  if (id.length < 6 && !madeUp) return false;
  if (groups.prefix) return true;
  if (intro.length === 1 && !madeUp) return false;
  return !(/[a-z]$/.test(intro) && groups.gap === '');
}

function chatContacts(rules: ContactRules, n: NormalisedText, runs: readonly DigitRun[], phones: readonly TextMatch[], knownPhone: string | null): TextMatch[] {
  const found: TextMatch[] = [];
  for (const [rule, pattern, couldStart] of [['contact.wechat', rules.wechat, rules.wechatCouldStart], ['contact.qq', rules.qq, rules.qqCouldStart]] as const) {
    if (!couldStart.test(n.text)) continue;
    pattern.lastIndex = 0;
    for (let m = pattern.exec(n.text); m !== null; m = pattern.exec(n.text)) {
      const groups = m.groups ?? {};
      const start = m.index;
      const afterHead = start + m[0].length;
      let hit: TextMatch | null = null;
      if (groups.same !== undefined) {
        // "微信同号" names no id; it points at a phone written earlier, without which it says nothing.
        const earlier = phones.filter((p) => p.rule === 'contact.phone' && p.end <= start).pop()?.key ?? knownPhone;
        if (earlier) hit = { rule, start, end: afterHead, key: earlier, detail: { normalised: earlier, via: 'same_as_phone' } };
      } else if (groups.id !== undefined) {
        if (plausibleId(groups)) hit = { rule, start, end: afterHead, key: groups.id, detail: { normalised: groups.id, via: 'id' } };
      } else {
        const run = runStartingAt(runs, afterHead);
        const number = run ? (rule === 'contact.wechat' ? mobileFrom(run, 0) : qqNumber(run)) : null;
        if (number) hit = { rule, start, end: number.end, key: number.digits, detail: { normalised: number.digits, via: rule === 'contact.wechat' ? 'phone' : 'number' } };
      }
      if (hit) found.push(hit);
      // After a rejected guess resume one character on, not past it, so it cannot hide a real contact.
      pattern.lastIndex = hit ? hit.end : start + 1;
    }
  }
  return found;
}

/**
 * All contact details in one field. `knownPhone` is a mobile found in an earlier field, which
 * "微信同号" in this one may refer to. A phone inside a WeChat or QQ hit is reported once, as
 * that hit, since the introducer says what the number is for.
 */
export function findContacts(rules: ContactRules, n: NormalisedText, runs: readonly DigitRun[], knownPhone: string | null): TextMatch[] {
  if (runs.length === 0 && !rules.wechatCouldStart.test(n.text) && !rules.qqCouldStart.test(n.text)) return [];
  const phones = phoneNumbers(runs).map((p) => ({ ...p, detail: { normalised: p.key } }));
  const chats = chatContacts(rules, n, runs, phones, knownPhone);
  const standalone = phones.filter((p) => !chats.some((c) => c.start <= p.start && p.end <= c.end));
  return [...standalone, ...chats].sort((a, b) => a.start - b.start);
}
