import type { Category, ListingStatus, PriceUnit, RiskSignal } from '../../../shared/platform/entities';
import { frameOf } from './frame';
import { listingAt } from './listings';
import { userAt } from './people';
import { reportId, reportsOn } from './reports';
import { transactionOn } from './transactions';

// The rights side of the world is written by the store with these; exported here so the whole
// generator stays behind the one dynamic import of this module.
export { seedLegalHolds } from './legal-holds';
export { seedProcessors } from './processors';
export { seedTickets, type TicketAccount, type TicketAccounts } from './rights-tickets';
export { seedRegister, type SeedRegisterEntry, type StoryAccounts } from './disclosures';

/**
 * The sandbox platform's seeded world: Guangzhou users, listings (some with planted
 * violations for the moderation auto-flags to find) and user reports. Every record is a pure
 * function of (seed, index), so the sequences stream, repeat exactly, and cost no memory.
 */

export interface SeedOptions {
  seed: number;
  listings: number;
  /** "now" of the seeded world; all dates are before it. */
  anchor: Date;
}

export interface SeedUser {
  /** 'usr_' + zero-padded 7 digits */
  id: string;
  nickname: string;
  /** full 11-digit mainland mobile */
  phone: string;
  status: 'active' | 'warned' | 'suspended' | 'banned';
  /** ISO UTC */
  registeredAt: string;
  lastLoginAt: string | null;
  riskSignals: RiskSignal[];
  deviceId: string;
  lastIp: string;
}

export interface SeedListing {
  /** 'lst_' + zero-padded 8 digits */
  id: string;
  sellerId: string;
  category: Category;
  title: string;
  body: string;
  priceFen: number | null;
  priceUnit: PriceUnit;
  /** '广州市' */
  city: string;
  /** e.g. '天河区' */
  district: string;
  /** full 11 digits */
  contactPhone: string;
  /** 0..6 */
  imageCount: number;
  /** only pending|published|rejected|removed|expired */
  status: ListingStatus;
  /** YYYY-MM-DD */
  displayUntil: string;
  createdAt: string;
  updatedAt: string;
  planted: PlantedViolation[];
}

export type PlantedViolation = 'contact_in_text' | 'off_platform_payment' | 'prohibited_item' | 'price_too_low' | 'near_duplicate';

export interface SeedReport {
  /** 'rpt_' + 8 digits */
  id: string;
  listingId: string;
  /** a user id */
  reporterId: string;
  reason: 'fraud' | 'prohibited_item' | 'contact_in_text' | 'duplicate' | 'wrong_category' | 'misleading_price' | 'offensive' | 'other';
  note: string;
  createdAt: string;
}

/** A 担保交易 (escrow purchase) through the platform, which the E-commerce Law keeps three years. */
export interface SeedTransaction {
  /** 'txn_' + the listing's 8 digits: at most one per listing */
  id: string;
  listingId: string;
  buyerId: string;
  sellerId: string;
  amountFen: number;
  at: string;
}

export interface SeedWorld {
  users(): Iterable<SeedUser>;
  listings(): Iterable<SeedListing>;
  reports(): Iterable<SeedReport>;
  /** The transaction on a listing of this world, if it sold through the platform. */
  transactionOn(listing: SeedListing): SeedTransaction | null;
  userCount: number;
}

export function seedWorld(options: SeedOptions): SeedWorld {
  const frame = frameOf(options);
  return {
    userCount: frame.userCount,
    users: () => ({
      *[Symbol.iterator]() {
        for (let i = 0; i < frame.userCount; i++) yield userAt(frame, i);
      },
    }),
    listings: () => ({
      *[Symbol.iterator]() {
        for (let i = 0; i < frame.listingCount; i++) yield listingAt(frame, i);
      },
    }),
    transactionOn: (listing) => transactionOn(frame, Number(listing.id.slice(4)) - 1, listing),
    reports: () => ({
      *[Symbol.iterator]() {
        let ordinal = 0;
        for (let i = 0; i < frame.listingCount; i++) {
          for (const report of reportsOn(frame, i)) yield { id: reportId(ordinal++), ...report };
        }
      },
    }),
  };
}
