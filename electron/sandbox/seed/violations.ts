import type { Category } from '../../../shared/platform/entities';
import { fenOf, stepFor, type DraftContext, type ListingDraft } from './draft';
import type { ListingPlan } from './listing-plan';
import { contactSentence, pickContactForm, spellContact } from './vocabulary/contact-evasions';
import { OFF_PLATFORM_PAYMENT } from './vocabulary/off-platform-payment';
import { PROHIBITED_ASIDES, PROHIBITED_OFFERS, isProhibitedCategory } from './vocabulary/prohibited-items';

const TITLE_LIMIT = 60;
/** Bodies read as 2–6 sentences; planted sentences push ordinary ones out rather than growing the ad. */
const MAX_SENTENCES = 6;

/** An ad that is wholly for a prohibited item, in the category the seller chose to hide it in. */
export function prohibitedDraft(c: DraftContext, category: Category): ListingDraft {
  if (!isProhibitedCategory(category)) throw new Error(`no prohibited offers for ${category}`);
  const offer = c.rng.pick(PROHIBITED_OFFERS[category]);
  const yuan = Math.round((offer.yuan * c.rng.between(0.8, 1.2)) / stepFor(offer.yuan)) * stepFor(offer.yuan);
  return {
    title: offer.title,
    sentences: [...offer.sentences, `人在${c.place.district.name}，${c.rng.pick(['面交', '可以约地方见', '量大可以优惠'])}。`],
    priceFen: fenOf(yuan),
    priceUnit: offer.unit,
    normFen: null,
  };
}

/** Writes the plan's violations into the draft; the plan already decided which ones. */
export function plantViolations(c: DraftContext, draft: ListingDraft, plan: ListingPlan): void {
  const planted = plan.planted;
  const additions: string[] = [];
  if (planted.includes('prohibited_item') && !plan.prohibitedWhole && isProhibitedCategory(plan.category)) {
    additions.push(c.rng.pick(PROHIBITED_ASIDES[plan.category]));
  }
  if (planted.includes('off_platform_payment')) additions.push(c.rng.pick(OFF_PLATFORM_PAYMENT[plan.category]));
  if (planted.includes('contact_in_text')) {
    const form = pickContactForm(c.rng);
    const contact = spellContact(c.rng, plan.contactPhone, form);
    // A quarter of sellers put it straight in the title, where every browser sees it.
    const tagged = `${draft.title} ${contact.labelled}`;
    if (c.rng.chance(0.25) && tagged.length <= TITLE_LIMIT) draft.title = tagged;
    else additions.push(contactSentence(c.rng, contact));
  }
  if (planted.includes('price_too_low') && draft.normFen !== null) draft.priceFen = baitPrice(c, draft.normFen);

  if (draft.sentences.length + additions.length > MAX_SENTENCES) draft.sentences.length = MAX_SENTENCES - additions.length;
  for (const sentence of additions) {
    // Anywhere after the opening line: scammers bury the ask mid-ad as often as they end on it.
    const at = c.rng.int(1, draft.sentences.length);
    draft.sentences.splice(at, 0, sentence);
  }
}

/** 5–18% of the going rate, on a round number: the "iPhone 15 Pro 500元" bait. Always ≤ 20%. */
function baitPrice(c: DraftContext, normFen: number): number {
  const normYuan = normFen / 100;
  const yuan = normYuan * c.rng.between(0.05, 0.18);
  const step = stepFor(yuan);
  // Rounding down keeps it under the 20% line; a cheap norm (a budgie) may need the smallest step instead.
  return fenOf(Math.max(Math.floor(yuan / step) * step, Math.min(step, Math.floor(normYuan * 0.2))));
}
