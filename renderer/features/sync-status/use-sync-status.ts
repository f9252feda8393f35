import { useEffect, useState } from 'react';
import type { DeskError } from '../../../shared/errors';
import type { SyncStatus } from '../../../shared/ipc/views';
import { useDeskEvent } from '../../desk/desk-context';
import { useDeskQuery } from '../../desk/use-desk-query';

/**
 * The sync engine's state: asked for, then kept current by `sync:progress`; the outbox count
 * follows `outbox:changed` at once. Whichever news arrives last wins.
 */
export function useSyncStatus(): { status: SyncStatus | undefined; error: DeskError | null } {
  const asked = useDeskQuery('sync:status', {}, { refetchOn: ['cache:changed'] });
  const [status, setStatus] = useState<SyncStatus | undefined>(undefined);
  useEffect(() => {
    if (asked.data) setStatus(asked.data);
  }, [asked.data]);
  useDeskEvent('sync:progress', setStatus);
  useDeskEvent('outbox:changed', ({ pending }) => setStatus((current) => current && { ...current, pendingOutbox: pending }));
  return { status, error: asked.error };
}
