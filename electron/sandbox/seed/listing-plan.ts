import type { Category } from '../../../shared/platform/entities';
import { DAY_MS, HOUR_MS, MINUTE_MS, shanghaiDate } from './calendar';
import type { SeedFrame } from './frame';
import type { PlantedViolation, SeedListing } from './index';
import { sellerFacts, sellerStanding, strangerPhone, type SellerFacts } from './people';
import { Stream, streamOf, weighted, type Rng } from './random';
import { clusterAround, type RepostCluster } from './reposts';
import { pickDistrict, type Place } from './vocabulary/geography';
import { isProhibitedCategory } from './vocabulary/prohibited-items';

/**
 * Everything about a listing except its words: who, where, when, what state, which violations.
 * Reports need exactly this, so it is drawn from its own stream and costs no text composition.
 */
export interface ListingPlan {
  index: number;
  category: Category;
  place: Place;
  seller: SellerFacts;
  contactPhone: string;
  status: SeedListing['status'];
  createdAtMs: number;
  updatedAtMs: number;
  displayUntil: string;
  imageCount: number;
  planted: PlantedViolation[];
  /** The whole ad is for a prohibited item, rather than an ordinary ad with a side offer. */
  prohibitedWhole: boolean;
  /** For a repost: the plan of the listing it copies. */
  original: ListingPlan | null;
}

export type SeededStatus = SeedListing['status'];

const pickCategory = weighted<Category>([
  ['second_hand', 34], ['housing', 18], ['jobs', 15], ['local_services', 13], ['used_cars', 8], ['pets', 12],
]);

/** The platform's mix at any moment: a large moderation backlog, mostly live ads, a tail of history. */
const pickStatus = weighted<SeededStatus>([
  ['pending', 30], ['published', 52], ['rejected', 7], ['removed', 4], ['expired', 7],
]);

/** Jobs and rentals go stale fast, so they are shown for 30 days; goods, services, cars and pets for 60. */
export const DISPLAY_DAYS: Record<Category, number> = {
  second_hand: 60, housing: 30, jobs: 30, local_services: 60, used_cars: 60, pets: 60,
};

const pickImageCount = weighted([[0, 8], [1, 14], [2, 16], [3, 20], [4, 16], [5, 12], [6, 14]] as const);

/** Where a planted low price makes sense: things and homes with a going rate, not wages or quotes. */
const LOW_PRICE_CATEGORIES: readonly Category[] = ['second_hand', 'housing', 'used_cars', 'pets'];

/** Canonical order, so two listings with the same violations list them identically. */
const VIOLATION_ORDER: readonly PlantedViolation[] = [
  'contact_in_text', 'off_platform_payment', 'prohibited_item', 'price_too_low', 'near_duplicate',
];

const LOOKBACK_MS = 90 * DAY_MS;
const PENDING_WINDOW_MS = 72 * HOUR_MS;

export function planListing(frame: SeedFrame, index: number): ListingPlan {
  const cluster = clusterAround(frame, index);
  if (cluster !== null && cluster.reposts.includes(index)) return planRepost(frame, index, cluster);
  return planOriginal(frame, index, cluster !== null && cluster.root === index);
}

function planOriginal(frame: SeedFrame, index: number, clusterRoot: boolean): ListingPlan {
  const rng = streamOf(frame.seed, Stream.listingPlan, index);
  const category = pickCategory(rng);
  const district = pickDistrict(rng);
  const place: Place = {
    district,
    station: rng.pick(district.stations),
    street: rng.pick(district.streets),
    estate: rng.pick(district.estates),
  };
  const status = pickStatus(rng);
  const displayDays = DISPLAY_DAYS[category];
  // A cluster's reposts must fit between the original and the anchor, so its original is not brand new.
  const ageMs = clusterRoot ? Math.max(6 * HOUR_MS, ageFor(rng, status, displayDays)) : ageFor(rng, status, displayDays);
  const createdAtMs = frame.anchorMs - ageMs;

  const wants = new Set<PlantedViolation>();
  if (rng.chance(0.055)) wants.add('contact_in_text');
  if (rng.chance(0.04)) wants.add('off_platform_payment');
  if (isProhibitedCategory(category) && rng.chance(0.05)) wants.add('prohibited_item');
  if (LOW_PRICE_CATEGORIES.includes(category) && rng.chance(0.04)) {
    wants.add('price_too_low');
    // A bait price usually comes with a request to pay a deposit first.
    if (rng.chance(0.35)) wants.add('off_platform_payment');
  }
  const prohibitedWhole = wants.has('prohibited_item') && rng.chance(0.65);
  // A forged certificate has no going rate to undercut.
  if (prohibitedWhole) wants.delete('price_too_low');
  if (clusterRoot) wants.add('near_duplicate');
  const planted = VIOLATION_ORDER.filter((v) => wants.has(v));

  const seller = chooseSeller(rng, frame, createdAtMs, planted.length > 0 && rng.chance(0.35));
  return {
    index,
    category,
    place,
    seller,
    // Usually the account's own number; sometimes a shop line or a relative's.
    contactPhone: rng.chance(0.9) ? seller.phone : strangerPhone(rng),
    status,
    createdAtMs,
    updatedAtMs: updatedAtFor(rng, status, createdAtMs, frame.anchorMs, displayDays),
    displayUntil: shanghaiDate(createdAtMs + displayDays * DAY_MS),
    imageCount: prohibitedWhole ? rng.int(0, 2) : pickImageCount(rng),
    planted,
    prohibitedWhole,
    original: null,
  };
}

function planRepost(frame: SeedFrame, index: number, cluster: RepostCluster): ListingPlan {
  const original = planOriginal(frame, cluster.root, true);
  const rng = streamOf(frame.seed, Stream.listingPlan, index);
  const ordinal = cluster.reposts.indexOf(index);
  // Reposts follow the original in order, days apart, or minutes apart when the original is fresh.
  const window = frame.anchorMs - original.createdAtMs - 5 * MINUTE_MS;
  const gap = Math.min(3 * DAY_MS, window / (cluster.reposts.length + 1));
  const createdAtMs = original.createdAtMs + gap * (ordinal + 1) - gap * rng.between(0, 0.5);
  const displayDays = DISPLAY_DAYS[original.category];
  const status = repostStatus(rng, frame.anchorMs - createdAtMs, displayDays);
  return {
    ...original,
    index,
    status,
    createdAtMs,
    updatedAtMs: updatedAtFor(rng, status, createdAtMs, frame.anchorMs, displayDays),
    displayUntil: shanghaiDate(createdAtMs + displayDays * DAY_MS),
    imageCount: Math.min(6, Math.max(0, original.imageCount + rng.int(-1, 1))),
    planted: [...original.planted],
    original,
  };
}

function ageFor(rng: Rng, status: SeededStatus, displayDays: number): number {
  switch (status) {
    // The backlog is young: most pending ads arrived in the last day or two.
    case 'pending': return Math.max(3 * MINUTE_MS, PENDING_WINDOW_MS * Math.pow(rng.next(), 1.5));
    case 'published': return rng.between(HOUR_MS, LOOKBACK_MS);
    case 'expired': return rng.between((displayDays + 2) * DAY_MS, LOOKBACK_MS - HOUR_MS);
    default: return rng.between(2 * HOUR_MS, LOOKBACK_MS);
  }
}

const pickFreshRepostStatus = weighted<SeededStatus>([['pending', 55], ['rejected', 20], ['published', 25]]);
const pickOlderRepostStatus = weighted<SeededStatus>([['published', 50], ['removed', 25], ['rejected', 15], ['expired', 10]]);

/** A repost's state depends on its age: fresh ones wait in the queue, older ones were dealt with. */
function repostStatus(rng: Rng, ageMs: number, displayDays: number): SeededStatus {
  if (ageMs < PENDING_WINDOW_MS) return pickFreshRepostStatus(rng);
  const status = pickOlderRepostStatus(rng);
  return status === 'expired' && ageMs < (displayDays + 2) * DAY_MS ? 'published' : status;
}

function updatedAtFor(rng: Rng, status: SeededStatus, createdAtMs: number, anchorMs: number, displayDays: number): number {
  const ageMs = anchorMs - createdAtMs;
  switch (status) {
    case 'pending': return createdAtMs;
    // Reviewed within minutes to a day of posting.
    case 'published':
    case 'rejected': return createdAtMs + Math.min(ageMs - MINUTE_MS, rng.between(10 * MINUTE_MS, 20 * HOUR_MS));
    // Taken down some time after going live, often after reports piled up.
    case 'removed': return createdAtMs + (ageMs - MINUTE_MS) * rng.between(0.05, 1);
    // Expired by the nightly sweep after the display period.
    default: return createdAtMs + displayDays * DAY_MS + rng.between(0, 20 * HOUR_MS);
  }
}

/**
 * Busy sellers (agents, dealers, shops) post most ads, so the draw leans to low user indices,
 * which are also the older accounts. An ad cannot predate its seller's registration.
 */
function chooseSeller(rng: Rng, frame: SeedFrame, createdAtMs: number, preferRisky: boolean): SellerFacts {
  for (let attempt = 0; attempt < 8; attempt++) {
    const index = Math.floor(frame.userCount * Math.pow(rng.next(), 1.4));
    const standing = sellerStanding(frame, index);
    if (standing.registeredAtMs > createdAtMs - 10 * MINUTE_MS) continue;
    if (preferRisky && !standing.risky && attempt < 6) continue;
    return sellerFacts(frame, index);
  }
  // The older half of the accounts all registered more than a year ago.
  return sellerFacts(frame, Math.floor(rng.next() * frame.userCount * 0.5));
}
