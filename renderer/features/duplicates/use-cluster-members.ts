import { useEffect, useState } from 'react';
import type { DeskError } from '../../../shared/errors';
import type { Listing } from '../../../shared/platform/entities';
import { asDeskError } from '../../desk/desk-call-error';
import { useDesk } from '../../desk/desk-context';

/** The listings of a cluster, read from the cache in one call; reading does not claim them. */
export function useClusterMembers(memberIds: string[], enabled: boolean): { members: Listing[] | null; error: DeskError | null } {
  const desk = useDesk();
  const [members, setMembers] = useState<Listing[] | null>(null);
  const [error, setError] = useState<DeskError | null>(null);
  const key = memberIds.join(',');
  useEffect(() => {
    if (!enabled) return;
    let current = true;
    desk.call('moderation:listings', { listingIds: memberIds }).then(
      ({ listings }) => current && setMembers(listings),
      (failure: unknown) => current && setError(asDeskError(failure)),
    );
    return () => {
      current = false;
    };
    // memberIds is compared by its content.
  }, [desk, key, enabled]);
  return { members, error };
}
