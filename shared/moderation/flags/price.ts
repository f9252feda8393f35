import type { Category, Listing } from '../../platform/entities';
import type { PriceGroup } from './flag-config';
import type { ListingFlag } from './listing-flag';
import { normaliseText, type CharacterFolds } from './normalise';

/**
 * A price far under what the category usually asks is the bait of most classified-ads fraud
 * (a 500-yuan iPhone, a 1,000-yuan flat in 天河). The median comes from the caller, computed
 * over listings of the same category, price unit and price group, because a monthly rent and
 * a sale price are not comparable, nor are a phone and a folding bike, and shared code has no
 * cache to compute it from.
 */

export type PricedListing = Pick<Listing, 'category' | 'priceFen' | 'priceUnit'>;

/** The group a listing's price is compared within: '' for the rest of its category. */
export type PriceGroupOf = (listing: Pick<Listing, 'category' | 'title'>) => string;

export function compilePriceGroups(groups: Partial<Record<Category, readonly PriceGroup[]>>, folds: CharacterFolds): PriceGroupOf {
  const fold = (text: string) => normaliseText(text, folds).text;
  const compiled = new Map(
    Object.entries(groups).map(([category, list]) => [category, list.map((g) => ({ name: g.name, phrases: g.phrases.map(fold) }))]),
  );
  return ({ category, title }) => {
    const candidates = compiled.get(category);
    if (!candidates) return '';
    const folded = fold(title);
    return candidates.find((g) => g.phrases.some((p) => folded.includes(p)))?.name ?? '';
  };
}

export function priceFarBelowMedian(listing: PricedListing, medianPriceFen: number | null | undefined, threshold: number, group = ''): ListingFlag | null {
  // 面议 has no price to compare, and without a median there is nothing to compare it with.
  if (listing.priceFen === null || !medianPriceFen || medianPriceFen <= 0) return null;
  const ratio = listing.priceFen / medianPriceFen;
  if (ratio > threshold) return null;
  return {
    kind: 'price_far_below_median',
    rule: 'price.below_median',
    spans: [],
    detail: {
      priceFen: listing.priceFen,
      median: medianPriceFen,
      ratio: Math.round(ratio * 10_000) / 10_000,
      // For "比同类中位价低 90%": whole percent, never shown as 100% for a price that is not zero.
      percentBelow: listing.priceFen === 0 ? 100 : Math.min(99, Math.round((1 - ratio) * 100)),
      threshold,
      category: listing.category,
      priceUnit: listing.priceUnit,
      group,
    },
  };
}
