import { useEffect, useState } from 'react';
import type { DeskError } from '../../../shared/errors';
import { asDeskError } from '../../desk/desk-call-error';
import { useDesk } from '../../desk/desk-context';
import { prefetchedListing, takePrefetchedClaim } from './prefetched-listing';

/** Leases last longer than this on the platform; renewing at 4 minutes keeps an open item ours. */
export const CLAIM_RENEW_MS = 4 * 60_000;

export type ClaimState =
  | { status: 'claiming' }
  | { status: 'mine'; expiresAt: string | null }
  | { status: 'held'; holderName: string; expiresAt: string | null }
  /** The platform could not be asked (offline): work goes on, and a conflict comes back through the outbox. */
  | { status: 'unconfirmed'; error: DeskError };

/**
 * Opening an item claims it (`moderation:open`), unless the read-ahead claimed it moments ago;
 * while it stays open the claim is renewed every four minutes; leaving it releases the claim
 * (`moderation:release`), once any claim in flight has landed so a late answer cannot leave a
 * lease behind.
 */
export function useClaim(listingId: string | null): ClaimState & { listingId: string | null } {
  const desk = useDesk();
  // An item claimed ahead (see prefetched-listing) is ours already: no wait for a second claim.
  const initial = (): ClaimState & { listingId: string | null } => {
    const ahead = prefetchedListing(listingId);
    return ahead ? { status: 'mine', expiresAt: null, listingId } : { status: 'claiming', listingId };
  };
  const [state, setState] = useState<ClaimState & { listingId: string | null }>(initial);

  useEffect(() => {
    if (listingId === null) return;
    let left = false;
    let mayHold = true;
    const claim = () =>
      desk.call('moderation:open', { listingId }).then(
        (answer) => {
          mayHold = answer.claimed;
          if (left) return;
          setState(
            answer.claimed
              ? { status: 'mine', expiresAt: answer.expiresAt, listingId }
              : { status: 'held', holderName: answer.holderName ?? '', expiresAt: answer.expiresAt, listingId },
          );
        },
        (error: unknown) => {
          if (!left) setState({ status: 'unconfirmed', error: asDeskError(error), listingId });
        },
      );
    setState(initial());
    // Claimed by the read-ahead moments ago: renewed on the usual schedule from then, not claimed
    // a second time now (a platform round trip just when the decision before it keeps the core busy).
    const age = takePrefetchedClaim(listingId);
    let latest: Promise<void> = age === null ? claim() : Promise.resolve();
    const renew = () => {
      if (mayHold) latest = claim();
    };
    let renewing: ReturnType<typeof setInterval> | undefined;
    const first = setTimeout(
      () => {
        renew();
        renewing = setInterval(renew, CLAIM_RENEW_MS);
      },
      CLAIM_RENEW_MS - (age ?? 0),
    );
    return () => {
      left = true;
      clearTimeout(first);
      clearInterval(renewing);
      void latest.then(() => (mayHold ? desk.call('moderation:release', { listingId }) : undefined)).catch(() => undefined);
    };
  }, [desk, listingId]);

  return state.listingId === listingId ? state : initial();
}

/** Actions are the holder's: allowed when the claim is ours, or could not be checked. */
export const mayAct = (claim: ClaimState) => claim.status === 'mine' || claim.status === 'unconfirmed';
