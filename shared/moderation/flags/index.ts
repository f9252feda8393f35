import type { Listing } from '../../platform/entities';
import { compileContactRules, findContacts, type ContactRules } from './contact';
import { digitRunsOf } from './digit-runs';
import { assembleFlags, type FieldMatches } from './flag-assembly';
import type { FlagConfig } from './flag-config';
import type { FlagField, FlagKind, ListingFlag, TextMatch } from './listing-flag';
import { normaliseText, type CharacterFolds, type NormalisedText } from './normalise';
import { appliesTo, compileNegation, compilePhraseGroups, findPhrases, type CompiledPhraseGroup } from './phrase-groups';
import { compilePriceGroups, priceFarBelowMedian, type PriceGroupOf } from './price';

/**
 * Explainable auto-flags for a listing: each names its rule and the exact characters that
 * fired it. Pure and synchronous, so the core can flag while syncing and the renderer can
 * re-run it on an edited draft; the keyword lists come in as data (resources/moderation).
 *
 *   const rules = createFlagRules(parseFlagConfig(keywords));
 *   flagListing(rules, listing, { medianPriceFen });
 */

export { FlagConfig, FlagKeywords, parseFlagConfig, type PriceGroup } from './flag-config';
export type { PriceGroupOf } from './price';
export type { FlagField, FlagKind, FlagSpan, ListingFlag } from './listing-flag';

export interface FlagRules {
  /** The keywords file's version, to record which lists produced a flag. */
  readonly version: number;
  readonly folds: CharacterFolds;
  readonly contact: ContactRules;
  readonly payment: readonly CompiledPhraseGroup[];
  readonly paymentNegation: RegExp | null;
  readonly prohibited: readonly CompiledPhraseGroup[];
  readonly priceThreshold: number;
  /** Which kind of goods a listing's price is compared with ('' for its whole category). */
  readonly priceGroupOf: PriceGroupOf;
}

export type FlaggableListing = Pick<Listing, 'title' | 'body' | 'category' | 'priceFen' | 'priceUnit'>;

export interface FlagContext {
  /** Median price of listings of the same category, price unit and price group; null when unknown. */
  medianPriceFen?: number | null;
}

/** Compiles the lists once; flagging a listing then costs a few regex passes per field. */
export function createFlagRules(config: FlagConfig): FlagRules {
  const folds: CharacterFolds = new Map(Object.entries(config.characterFolds));
  const fold = (phrase: string) => normaliseText(phrase, folds).text;
  return {
    version: config.version,
    folds,
    contact: compileContactRules(config.contact, fold),
    payment: compilePhraseGroups('payment', config.payment, fold),
    paymentNegation: compileNegation(config.paymentNegations, fold),
    prohibited: compilePhraseGroups('prohibited', config.prohibited, fold),
    priceThreshold: config.priceThreshold,
    priceGroupOf: compilePriceGroups(config.priceGroups.groups, folds),
  };
}

interface FieldText {
  field: FlagField;
  normalised: NormalisedText;
}

function perField(fields: readonly FieldText[], find: (f: FieldText) => TextMatch[]): FieldMatches[] {
  return fields.map((f) => ({ ...f, matches: find(f) }));
}

function phraseFlags(kind: FlagKind, groups: readonly CompiledPhraseGroup[], fields: readonly FieldText[], listing: FlaggableListing, negation: RegExp | null): ListingFlag[] {
  const active = groups.filter((g) => appliesTo(g, listing.category));
  return assembleFlags(kind, perField(fields, (f) => active.flatMap((g) => findPhrases(g, f.normalised, negation))), false);
}

/** Flags in a stable order: contact details, payment, prohibited items, price; each by position. */
export function flagListing(rules: FlagRules, listing: FlaggableListing, context: FlagContext): ListingFlag[] {
  const fields: FieldText[] = [
    { field: 'title', normalised: normaliseText(listing.title, rules.folds) },
    { field: 'body', normalised: normaliseText(listing.body, rules.folds) },
  ];
  // "微信同号" in the body may refer to the phone in the title, so fields are read in order.
  let knownPhone: string | null = null;
  const contacts = perField(fields, (f) => {
    const found = findContacts(rules.contact, f.normalised, digitRunsOf(f.normalised), knownPhone);
    knownPhone = found.filter((m) => m.rule === 'contact.phone').pop()?.key ?? knownPhone;
    return found;
  });
  const price = priceFarBelowMedian(listing, context.medianPriceFen, rules.priceThreshold, rules.priceGroupOf(listing));
  return [
    ...assembleFlags('contact_in_text', contacts, true),
    ...phraseFlags('off_platform_payment', rules.payment, fields, listing, rules.paymentNegation),
    ...phraseFlags('prohibited_item', rules.prohibited, fields, listing, null),
    ...(price ? [price] : []),
  ];
}
