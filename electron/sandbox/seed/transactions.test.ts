import { describe, expect, it } from 'vitest';
import { seedWorld, type SeedTransaction } from '.';

const anchor = new Date('2026-11-29T00:00:00Z');
const world = seedWorld({ seed: 3, listings: 4000, anchor });
const listings = [...world.listings()];
const sales = listings.flatMap((l) => {
  const t = world.transactionOn(l);
  return t ? [{ listing: l, t }] : [];
});

describe('seeded escrow transactions', () => {
  it('come on a share of the goods, cars and flats that sold or let', () => {
    const eligible = listings.filter((l) => ['second_hand', 'used_cars', 'housing'].includes(l.category) && ['published', 'expired'].includes(l.status));
    expect(sales.length / eligible.length).toBeGreaterThan(0.12);
    expect(sales.length / eligible.length).toBeLessThan(0.3);
    expect(sales.every(({ listing }) => listing.category !== 'jobs' && listing.status !== 'pending')).toBe(true);
    expect(new Set(sales.map(({ listing }) => listing.category))).toEqual(new Set(['second_hand', 'used_cars', 'housing']));
  });

  it('are between another existing account and the seller, paid after posting and before the ad ended', () => {
    for (const { listing, t } of sales) {
      expect(t).toMatchObject<Partial<SeedTransaction>>({ id: `txn_${listing.id.slice(4)}`, listingId: listing.id, sellerId: listing.sellerId });
      expect(t.buyerId).not.toBe(listing.sellerId);
      expect(Number(t.buyerId.slice(4))).toBeLessThanOrEqual(world.userCount);
      expect(t.at > listing.createdAt && t.at < anchor.toISOString()).toBe(true);
      if (listing.status === 'expired') expect(t.at <= listing.updatedAt).toBe(true);
      if (listing.priceUnit === 'month') expect(t.amountFen).toBe(listing.priceFen! * 2);
      else expect(t.amountFen).toBeLessThanOrEqual(listing.priceFen! + 50);
    }
  });

  it('are the same every time', () => {
    const again = seedWorld({ seed: 3, listings: 4000, anchor });
    expect(sales.map(({ listing }) => again.transactionOn(listing))).toEqual(sales.map(({ t }) => t));
  });
});
