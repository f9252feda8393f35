/**
 * An auto-flag a moderator can check: it names the rule that fired and points at the exact
 * characters of the listing that made it fire, so the reviewer judges evidence, not a score.
 */

export type FlagKind = 'contact_in_text' | 'off_platform_payment' | 'prohibited_item' | 'price_far_below_median';

export type FlagField = 'title' | 'body';

export interface FlagSpan {
  field: FlagField;
  /** UTF-16 offsets into the original field; `end` is exclusive. */
  start: number;
  end: number;
  /** original.slice(start, end), so a renderer can check it highlights what the rule saw. */
  text: string;
}

export interface ListingFlag {
  kind: FlagKind;
  /** Stable id such as contact.phone or prohibited.weapon; reason codes and statistics key on it. */
  rule: string;
  /** Empty only for rules about fields other than text (the price). */
  spans: FlagSpan[];
  detail: Record<string, string | number>;
}

/** A hit inside one field's normalised text, before it is mapped back to the original. */
export interface TextMatch {
  rule: string;
  /** Offsets into the normalised text, end exclusive. */
  start: number;
  end: number;
  /** What was matched, in canonical form; hits with the same rule and key become one flag. */
  key: string;
  detail?: Record<string, string | number>;
}
