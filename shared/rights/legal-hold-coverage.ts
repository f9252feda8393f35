import type { HoldScope } from '../platform/legal-entities';
import { removesData, type RightsRequestType } from './ticket-states';

/**
 * When a legal hold stops the removal of a user's data. One rule for the platform (execution,
 * the retention sweep, the ticket's `legalHold` flag) and the console, so they never disagree.
 */

/** The terms of a hold that decide what it covers; the rest of the record is for legal staff. */
export interface HoldTerms {
  scope: readonly HoldScope[];
  expiresAt: string | null;
  liftedAt: string | null;
}

/** In force: nobody lifted it, and its expiry (a preservation order runs for a fixed term) is still ahead. */
export function isHoldActive(hold: HoldTerms, now: Date): boolean {
  if (hold.liftedAt !== null) return false;
  return hold.expiresAt === null || Date.parse(hold.expiresAt) > now.getTime();
}

const coversListings = (scope: readonly HoldScope[]) => scope.includes('listings') || scope.includes('all');

/**
 * Whether a hold stops a rights request. A deletion removes listings, so only a hold on the
 * listings (or on everything) stops it; a cancellation or a relative's request removes the whole
 * account, so any hold on the account does. Requests that remove nothing are never stopped.
 */
export function holdBlocks(hold: HoldTerms, type: RightsRequestType, now: Date): boolean {
  if (!removesData(type) || !isHoldActive(hold, now)) return false;
  return type === 'deletion' ? coversListings(hold.scope) : true;
}

/** Whether a hold keeps the account's listings past their display period: the retention sweep skips them. */
export function holdKeepsListings(hold: HoldTerms, now: Date): boolean {
  return isHoldActive(hold, now) && coversListings(hold.scope);
}
