import type { Category, ListingStatus, PriceUnit, RiskSignal } from '../../../shared/platform/entities';
import { frameOf } from './frame';
import { listingAt } from './listings';
import { userAt } from './people';
import { reportId, reportsOn } from './reports';

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

export interface SeedWorld {
  users(): Iterable<SeedUser>;
  listings(): Iterable<SeedListing>;
  reports(): Iterable<SeedReport>;
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
