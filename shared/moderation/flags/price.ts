import type { Listing } from '../../platform/entities';
import type { ListingFlag } from './listing-flag';

/**
 * A price far under what the category usually asks is the bait of most classified-ads fraud
 * (a 500-yuan iPhone, a 1,000-yuan flat in 天河). The median comes from the caller, computed
 * over listings of the same category and price unit, because a monthly rent and a sale price
 * are not comparable and shared code has no cache to compute it from.
 */

export type PricedListing = Pick<Listing, 'category' | 'priceFen' | 'priceUnit'>;

export function priceFarBelowMedian(listing: PricedListing, medianPriceFen: number | null | undefined, threshold: number): ListingFlag | null {
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
    },
  };
}
