import { useCallback, useEffect, useState } from 'react';
import type { DeskError } from '../../../shared/errors';
import { BULK_CONFIRMATION_THRESHOLD, type BulkResult } from '../../../shared/ipc/moderation-views';
import type { ModerationAction } from '../../../shared/platform/entities';
import { asDeskError } from '../../desk/desk-call-error';
import { useDesk } from '../../desk/desk-context';

export type BulkStage = 'dry_run' | 'applied' | 'undone';

export interface BulkDraft {
  action: ModerationAction;
  reasonCode: string;
  note: string;
  notice: string;
  /** What the staff member typed to confirm a large batch. */
  confirmation: string;
}

/**
 * A bulk decision in three steps: a dry run (run again whenever the action changes) says which
 * items would be decided and which refused; applying needs a reason and, above the threshold,
 * the item count typed; for as long as the platform allows, the batch can be undone.
 */
export function useBulkAction(listingIds: string[], draft: BulkDraft) {
  const desk = useDesk();
  const [dryRun, setDryRun] = useState<BulkResult | null>(null);
  const [applied, setApplied] = useState<BulkResult | null>(null);
  const [undone, setUndone] = useState<BulkResult | null>(null);
  const [appliedAt, setAppliedAt] = useState<number | null>(null);
  const [error, setError] = useState<DeskError | null>(null);
  const [busy, setBusy] = useState(false);
  const needsConfirmation = listingIds.length > BULK_CONFIRMATION_THRESHOLD;
  const { action } = draft;
  const idsKey = listingIds.join(',');

  useEffect(() => {
    let current = true;
    setDryRun(null);
    setError(null);
    desk
      .call('moderation:bulk', { dryRun: true, action, reasonCode: null, note: '', notice: '', listingIds })
      .then((result) => current && setDryRun(result))
      .catch((failure: unknown) => current && setError(asDeskError(failure)));
    return () => {
      current = false;
    };
    // listingIds is compared by its content.
  }, [desk, action, idsKey]);

  const confirmed = !needsConfirmation || draft.confirmation.trim() === String(listingIds.length);
  const ready = dryRun !== null && !busy && applied === null && (action === 'approve' || draft.reasonCode !== '') && confirmed;

  const apply = useCallback(async () => {
    if (!ready) return;
    setBusy(true);
    setError(null);
    try {
      const result = await desk.call('moderation:bulk', {
        dryRun: false,
        action,
        reasonCode: draft.reasonCode || null,
        note: draft.note.trim(),
        notice: draft.notice.trim(),
        listingIds,
        ...(needsConfirmation ? { confirmation: draft.confirmation.trim() } : {}),
      });
      setApplied(result);
      setAppliedAt(Date.now());
    } catch (failure) {
      setError(asDeskError(failure));
    } finally {
      setBusy(false);
    }
  }, [ready, desk, action, draft, listingIds, needsConfirmation]);

  const undo = useCallback(async () => {
    if (!applied || busy) return;
    setBusy(true);
    setError(null);
    try {
      setUndone(await desk.call('moderation:bulkUndo', { batchId: applied.batchId }));
    } catch (failure) {
      setError(asDeskError(failure));
    } finally {
      setBusy(false);
    }
  }, [applied, busy, desk]);

  const stage: BulkStage = undone ? 'undone' : applied ? 'applied' : 'dry_run';
  return { stage, dryRun, applied, undone, appliedAt, error, busy, ready, needsConfirmation, confirmed, apply, undo };
}
