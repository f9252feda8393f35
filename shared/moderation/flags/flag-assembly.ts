import type { FlagField, FlagKind, FlagSpan, ListingFlag, TextMatch } from './listing-flag';
import { originalRange, type NormalisedText } from './normalise';

/**
 * Turns matches in normalised text into flags over the original: offsets mapped back, hits of
 * one rule merged into one flag so a moderator reads "payment.deposit: 定金, 保证金" once, and
 * touching spans joined so 看房前先付 + 訂金 highlights as one phrase.
 */

export interface FieldMatches {
  field: FlagField;
  normalised: NormalisedText;
  matches: readonly TextMatch[];
}

const FIELD_ORDER: Record<FlagField, number> = { title: 0, body: 1 };

function spanOf(field: FlagField, n: NormalisedText, m: TextMatch): FlagSpan {
  const { start, end } = originalRange(n, m.start, m.end);
  return { field, start, end, text: n.original.slice(start, end) };
}

function joinTouching(spans: FlagSpan[], originals: Record<FlagField, string>): FlagSpan[] {
  const sorted = [...spans].sort((a, b) => FIELD_ORDER[a.field] - FIELD_ORDER[b.field] || a.start - b.start || b.end - a.end);
  const joined: FlagSpan[] = [];
  for (const span of sorted) {
    const last = joined[joined.length - 1];
    if (last && last.field === span.field && span.start <= last.end) {
      const end = Math.max(last.end, span.end);
      joined[joined.length - 1] = { ...last, end, text: originals[span.field].slice(last.start, end) };
    } else {
      joined.push(span);
    }
  }
  return joined;
}

interface Pending {
  rule: string;
  spans: FlagSpan[];
  keys: string[];
  detail: Record<string, string | number>;
}

/**
 * Contacts are one flag per distinct contact (the same phone in title and body is one person);
 * keyword rules are one flag per rule, listing the phrases that fired.
 */
export function assembleFlags(kind: FlagKind, fields: readonly FieldMatches[], onePerKey: boolean): ListingFlag[] {
  const originals: Record<FlagField, string> = { title: '', body: '' };
  const pending = new Map<string, Pending>();
  for (const { field, normalised, matches } of fields) {
    originals[field] = normalised.original;
    for (const m of matches) {
      const id = onePerKey ? `${m.rule}\u0000${m.key}` : m.rule;
      const entry = pending.get(id) ?? { rule: m.rule, spans: [], keys: [], detail: {} };
      entry.spans.push(spanOf(field, normalised, m));
      if (!entry.keys.includes(m.key)) entry.keys.push(m.key);
      entry.detail = { ...entry.detail, ...m.detail };
      pending.set(id, entry);
    }
  }
  const flags = [...pending.values()].map((p) => {
    const spans = joinTouching(p.spans, originals);
    const detail = onePerKey ? p.detail : { ...p.detail, matched: p.keys.join('、'), count: spans.length };
    return { kind, rule: p.rule, spans, detail };
  });
  // In reading order, so the first flag a moderator sees is the first thing in the listing.
  return flags.sort((a, b) => compareSpans(a.spans[0], b.spans[0]));
}

function compareSpans(a: FlagSpan | undefined, b: FlagSpan | undefined): number {
  if (!a || !b) return 0;
  return FIELD_ORDER[a.field] - FIELD_ORDER[b.field] || a.start - b.start;
}
