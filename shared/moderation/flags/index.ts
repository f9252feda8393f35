import type { Listing } from '../../platform/entities';
import { compileContactRules, findContacts, MIN_CONTACT_DIGITS, type ContactRules } from './contact';
import { digitRunsOf } from './digit-runs';
import { assembleFlags } from './flag-assembly';
import type { FlagConfig } from './flag-config';
import type { FlagKind, ListingFlag, TextMatch } from './listing-flag';
import { normaliseText, type CharacterFolds, type NormalisedText } from './normalise';
import { compileNegation, compilePhraseGroups, findFamilyPhrases, type PhraseFamily } from './phrase-groups';
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
  readonly payment: PhraseFamily;
  readonly paymentNegation: RegExp | null;
  readonly prohibited: PhraseFamily;
  readonly priceThreshold: number;
  /** Which kind of goods a listing's price is compared with ('' for its whole category). */
  readonly priceGroupOf: PriceGroupOf;
}

export type FlaggableListing = Pick<Listing, 'title' | 'body' | 'category' | 'priceFen' | 'priceUnit'>;

export interface FlagContext {
  /** Median price of listings of the same category, price unit and price group; null when unknown. */
  medianPriceFen?: number | null;
}

/** Compiles the lists once; flagging a listing then costs a walk over each field and a pattern where a phrase may begin. */
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

const lastPhone = (matches: readonly TextMatch[]) => matches.filter((m) => m.rule === 'contact.phone').pop()?.key;

/** Most listings flag nothing; they get here without building the per-field records assembly needs. */
function flagsOf(kind: FlagKind, title: NormalisedText, inTitle: readonly TextMatch[], body: NormalisedText, inBody: readonly TextMatch[], onePerKey: boolean): ListingFlag[] {
  if (inTitle.length === 0 && inBody.length === 0) return [];
  return assembleFlags(kind, [{ field: 'title', normalised: title, matches: inTitle }, { field: 'body', normalised: body, matches: inBody }], onePerKey);
}

/**
 * Flags in a stable order: contact details, payment, prohibited items, price; each by position.
 * This runs on every listing the sync writes (a million on the first one), hence the care
 * not to allocate for the listings, nearly all of them, that flag nothing.
 */
export function flagListing(rules: FlagRules, listing: FlaggableListing, context: FlagContext): ListingFlag[] {
  const title = normaliseText(listing.title, rules.folds);
  const body = normaliseText(listing.body, rules.folds);
  const contactsInTitle = findContacts(rules.contact, title, digitRunsOf(title, MIN_CONTACT_DIGITS), null);
  // "微信同号" in the body may refer to the phone in the title, so fields are read in order.
  const contactsInBody = findContacts(rules.contact, body, digitRunsOf(body, MIN_CONTACT_DIGITS), lastPhone(contactsInTitle) ?? null);
  const { payment, prohibited, paymentNegation } = rules;
  const { category } = listing;
  const contact = flagsOf('contact_in_text', title, contactsInTitle, body, contactsInBody, true);
  const paid = flagsOf('off_platform_payment', title, findFamilyPhrases(payment, title, paymentNegation, category), body, findFamilyPhrases(payment, body, paymentNegation, category), false);
  const banned = flagsOf('prohibited_item', title, findFamilyPhrases(prohibited, title, null, category), body, findFamilyPhrases(prohibited, body, null, category), false);
  // Without a median there is no price flag, so the price group (a fold of the title) is not worked out.
  const price = context.medianPriceFen ? priceFarBelowMedian(listing, context.medianPriceFen, rules.priceThreshold, rules.priceGroupOf(listing)) : null;
  if (contact.length === 0 && paid.length === 0 && banned.length === 0 && !price) return [];
  return [...contact, ...paid, ...banned, ...(price ? [price] : [])];
}
