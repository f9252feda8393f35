import { MINUTE_MS, isoAt } from './calendar';
import type { SeedFrame } from './frame';
import type { PlantedViolation, SeedReport } from './index';
import { planListing } from './listing-plan';
import { listingId } from './listings';
import { userId } from './people';
import { Stream, streamOf, weighted, type Rng } from './random';
import { REPORT_NOTES } from './vocabulary/report-notes';

type ReportReason = SeedReport['reason'];

/** What a user who noticed the violation would pick from the report menu. */
const REASON_FOR: Record<PlantedViolation, readonly ReportReason[]> = {
  contact_in_text: ['contact_in_text'],
  off_platform_payment: ['fraud'],
  prohibited_item: ['prohibited_item'],
  price_too_low: ['misleading_price', 'misleading_price', 'fraud'],
  near_duplicate: ['duplicate'],
};

const pickUnfoundedReason = weighted<ReportReason>([
  ['other', 40], ['wrong_category', 25], ['misleading_price', 20], ['offensive', 15],
]);
const pickPileSize = weighted([[1, 40], [2, 25], [3, 15], [4, 10], [5, 6], [6, 4]] as const);

/**
 * Reports on listing `index`, in the order they were filed. Only ads users could see draw
 * reports; bad ads draw most of them, and a removed bad ad usually went down because of them.
 * Overall about one report per 25 listings.
 */
export function reportsOn(frame: SeedFrame, index: number): Omit<SeedReport, 'id'>[] {
  const plan = planListing(frame, index);
  if (plan.status === 'pending' || plan.status === 'rejected') return [];
  const rng = streamOf(frame.seed, Stream.report, index);
  const bad = plan.planted.length > 0;
  const probability = bad ? (plan.status === 'removed' ? 0.4 : 0.12) : 0.01;
  if (!rng.chance(probability)) return [];
  const pile = bad ? pickPileSize(rng) : 1;
  const reporters = pickReporters(rng, frame.userCount, plan.seller.index, pile);
  // Reports arrive while the ad is visible: before removal or expiry, otherwise up to the anchor.
  const openUntil = plan.status === 'published' ? frame.anchorMs : plan.updatedAtMs;
  const span = Math.max(MINUTE_MS, openUntil - plan.createdAtMs - MINUTE_MS);
  const times = reporters.map(() => plan.createdAtMs + MINUTE_MS + span * rng.next()).sort((a, b) => a - b);
  return reporters.map((reporter, k) => {
    const reason = bad && rng.chance(0.85) ? rng.pick(REASON_FOR[rng.pick(plan.planted)]) : pickUnfoundedReason(rng);
    return {
      listingId: listingId(index),
      reporterId: userId(reporter),
      reason,
      note: rng.pick(REPORT_NOTES[reason]),
      createdAt: isoAt(Math.min(times[k] as number, frame.anchorMs - MINUTE_MS)),
    };
  });
}

/** Distinct users other than the seller; a pile never has the same person twice. */
function pickReporters(rng: Rng, userCount: number, sellerIndex: number, pile: number): number[] {
  const want = Math.min(pile, userCount - 1);
  const chosen: number[] = [];
  while (chosen.length < want) {
    const candidate = rng.int(0, userCount - 1);
    if (candidate !== sellerIndex && !chosen.includes(candidate)) chosen.push(candidate);
  }
  return chosen;
}

export function reportId(ordinal: number): string {
  return `rpt_${String(ordinal + 1).padStart(8, '0')}`;
}
