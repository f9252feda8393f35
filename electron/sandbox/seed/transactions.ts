import { DAY_MS, HOUR_MS, isoAt } from './calendar';
import type { SeedFrame } from './frame';
import type { SeedListing, SeedTransaction } from './index';
import { userId } from './people';
import { Stream, streamOf } from './random';

/** Of the goods, cars and rentals that found a taker, the share paid through 担保交易. */
const ESCROW_SHARE = 0.25;
/** Buyers are drawn from the older accounts, all registered more than a year before the anchor. */
const BUYER_POOL = 0.6;
const TRADED: readonly SeedListing['category'][] = ['second_hand', 'used_cars', 'housing'];

/**
 * The escrow transaction on listing `index`, if it sold or let through the platform: an expired
 * ad, or one still shown a week after posting (sellers forget to take them down). Goods go a
 * little under the asking price; a flat's tenant pays deposit and first month (押一付一). Paid
 * between posting and the ad's end, drawn from its own stream.
 */
export function transactionOn(frame: SeedFrame, index: number, listing: SeedListing): SeedTransaction | null {
  // Cheap tests first: this runs for every one of a million listings.
  if (listing.status !== 'expired' && listing.status !== 'published') return null;
  if (!TRADED.includes(listing.category) || listing.priceFen === null || listing.priceFen <= 0) return null;
  const rng = streamOf(frame.seed, Stream.transaction, index);
  if (!rng.chance(ESCROW_SHARE)) return null;
  const createdMs = Date.parse(listing.createdAt);
  if (listing.status === 'published' && frame.anchorMs - createdMs <= 7 * DAY_MS) return null;
  const pool = Math.max(2, Math.floor(frame.userCount * BUYER_POOL));
  let buyer = userId(rng.int(0, pool - 1));
  if (buyer === listing.sellerId) buyer = userId((Number(buyer.slice(4)) % pool));
  const endMs = listing.status === 'expired' ? Math.min(Date.parse(listing.updatedAt), frame.anchorMs) : frame.anchorMs;
  const atMs = createdMs + HOUR_MS + rng.next() * Math.max(0, endMs - createdMs - 2 * HOUR_MS);
  return {
    id: `txn_${listing.id.slice(4)}`,
    listingId: listing.id,
    buyerId: buyer,
    sellerId: listing.sellerId,
    amountFen:
      listing.priceUnit === 'month'
        ? listing.priceFen * 2
        : // Haggled down a little, to whole yuan.
          Math.max(100, Math.round((listing.priceFen * rng.between(0.88, 1)) / 100) * 100),
    at: isoAt(atMs),
  };
}
