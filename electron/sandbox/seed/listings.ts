import type { Category } from '../../../shared/platform/entities';
import { isoAt } from './calendar';
import { draftHousing } from './categories/housing';
import { draftJob } from './categories/jobs';
import { draftLocalService } from './categories/local-services';
import { draftPet } from './categories/pets';
import { draftSecondHand } from './categories/second-hand';
import { USED_CAR_PRICE_RANGE_FEN, draftUsedCar } from './categories/used-cars';
import type { DraftContext, ListingDraft } from './draft';
import type { SeedFrame } from './frame';
import type { SeedListing } from './index';
import { planListing, type ListingPlan } from './listing-plan';
import { Stream, streamOf } from './random';
import { editRepost, type RepostText } from './reposts';
import { plantViolations, prohibitedDraft } from './violations';

const COMPOSERS: Record<Category, (c: DraftContext) => ListingDraft> = {
  second_hand: draftSecondHand,
  housing: draftHousing,
  jobs: draftJob,
  local_services: draftLocalService,
  used_cars: draftUsedCar,
  pets: draftPet,
};

export function listingId(index: number): string {
  return `lst_${String(index + 1).padStart(8, '0')}`;
}

export function listingAt(frame: SeedFrame, index: number): SeedListing {
  const plan = planListing(frame, index);
  const text = writeAd(frame, plan);
  return {
    id: listingId(index),
    sellerId: plan.seller.id,
    category: plan.category,
    title: text.title,
    body: text.body,
    priceFen: text.priceFen,
    priceUnit: text.priceUnit,
    city: '广州市',
    district: plan.place.district.name,
    contactPhone: plan.contactPhone,
    imageCount: plan.imageCount,
    status: plan.status,
    displayUntil: plan.displayUntil,
    createdAt: isoAt(plan.createdAtMs),
    updatedAt: isoAt(plan.updatedAtMs),
    planted: [...plan.planted],
  };
}

type AdText = RepostText & { priceUnit: ListingDraft['priceUnit'] };

function writeAd(frame: SeedFrame, plan: ListingPlan): AdText {
  const rng = streamOf(frame.seed, Stream.listingText, plan.index);
  if (plan.original !== null) {
    // A repost re-derives its original's text from the original's own streams, then fidgets with it.
    const original = writeAd(frame, plan.original);
    const range = plan.category === 'used_cars' ? USED_CAR_PRICE_RANGE_FEN : null;
    return { ...editRepost(rng, original, plan.planted.includes('price_too_low'), range), priceUnit: original.priceUnit };
  }
  const c: DraftContext = { rng, place: plan.place, anchorYear: frame.anchorYear };
  const draft = plan.prohibitedWhole ? prohibitedDraft(c, plan.category) : COMPOSERS[plan.category](c);
  plantViolations(c, draft, plan);
  return { title: draft.title, body: draft.sentences.join(''), priceFen: draft.priceFen, priceUnit: draft.priceUnit };
}
