import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeskError } from '../../../shared/errors';
import { asDeskError } from '../../desk/desk-call-error';
import { useDesk } from '../../desk/desk-context';
import { useErrorMessage } from '../../i18n/error-message';
import { ModalDialog } from '../dialog/modal-dialog';
import { useSyncStatus } from '../sync-status/use-sync-status';

/**
 * Says plainly when the local cache cannot be written (disk full) or read (damaged), that
 * decisions waiting to be delivered are safe in their own file, and offers the rebuild. After
 * the rebuild starts, the sync status shows how far the new cache has come.
 */
export function CacheProblemBanner() {
  const { t } = useTranslation();
  const desk = useDesk();
  const errorMessage = useErrorMessage();
  const { status } = useSyncStatus();
  const [confirming, setConfirming] = useState(false);
  const [rebuilding, setRebuilding] = useState(false);
  const [failure, setFailure] = useState<DeskError | null>(null);

  // The rebuild is over once the new cache has synced to the end without a problem.
  const rebuildDone = rebuilding && status?.cacheProblem === null && status.phase === 'idle' && status.lastSyncedAt !== null;
  useEffect(() => {
    if (rebuildDone) setRebuilding(false);
  }, [rebuildDone]);

  if (!status) return null;
  const problem = status.cacheProblem;
  if (problem === null && (!rebuilding || rebuildDone)) return null;

  const rebuild = async () => {
    setConfirming(false);
    setFailure(null);
    try {
      await desk.call('cache:rebuild', {});
      setRebuilding(true);
    } catch (error) {
      setFailure(asDeskError(error));
    }
  };

  if (problem === null) {
    return (
      <div className="cache-banner cache-banner-progress" role="status" data-testid="cache-rebuild-progress">
        <span>{t('cacheHealth.rebuilding')}</span>
        {status.total !== null && status.total > 0 && (
          <>
            <progress aria-label={t('cacheHealth.rebuildProgress')} value={status.done} max={status.total} />
            <span>{t('cacheHealth.progressCount', { done: status.done, total: status.total })}</span>
          </>
        )}
      </div>
    );
  }

  return (
    <div className="cache-banner" role="alert" data-testid="cache-problem">
      <strong>{t(`cacheHealth.title.${problem}`)}</strong>
      <p>{t(`cacheHealth.detail.${problem}`)}</p>
      <p data-testid="cache-problem-outbox">{t('cacheHealth.outboxSafe', { n: status.pendingOutbox })}</p>
      {failure && <p className="error">{errorMessage(failure)}</p>}
      <button type="button" onClick={() => setConfirming(true)}>
        {t('cacheHealth.rebuild')}
      </button>
      {confirming && (
        <ModalDialog title={t('cacheHealth.confirmTitle')} onClose={() => setConfirming(false)} testId="cache-rebuild-confirm">
          <p>{t('cacheHealth.confirmBody', { n: status.pendingOutbox })}</p>
          <div className="dialog-actions">
            <button type="button" onClick={() => void rebuild()}>
              {t('cacheHealth.confirm')}
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              {t('cacheHealth.cancel')}
            </button>
          </div>
        </ModalDialog>
      )}
    </div>
  );
}
