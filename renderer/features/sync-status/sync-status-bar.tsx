import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeskError } from '../../../shared/errors';
import { asDeskError } from '../../desk/desk-call-error';
import { useDesk } from '../../desk/desk-context';
import { useErrorMessage } from '../../i18n/error-message';
import { useShanghaiTime } from '../../i18n/shanghai-time';
import { DegradedNotice } from './degraded-notice';
import { useSyncStatus } from './use-sync-status';

export function SyncStatusBar() {
  const { t } = useTranslation();
  const desk = useDesk();
  const formatTime = useShanghaiTime();
  const errorMessage = useErrorMessage();
  const { status, error } = useSyncStatus();
  const [problem, setProblem] = useState<DeskError | null>(null);

  const syncNow = async () => {
    setProblem(null);
    try {
      await desk.call('sync:now', {});
    } catch (failure) {
      setProblem(asDeskError(failure));
    }
  };

  const shown = problem ?? error;
  const syncing = status && (status.phase === 'initial' || status.phase === 'incremental');
  return (
    <footer className="sync-bar">
      <div className="sync-status" role="status" data-testid="sync-status" data-phase={status?.phase} data-synced={status?.lastSyncedAt ? 'yes' : 'no'}>
        {status && (
          <>
            <span className="sync-phase">{t(`sync.phase.${status.phase}`)}</span>
            {syncing && (
              <span className="sync-progress">
                {status.total === null ? (
                  <progress aria-label={t('sync.progressLabel')} />
                ) : (
                  <progress aria-label={t('sync.progressLabel')} value={status.done} max={Math.max(status.total, 1)} />
                )}
                <span>
                  {status.total === null
                    ? t('sync.progressDone', { done: status.done })
                    : t('sync.progressCount', { done: status.done, total: status.total })}
                </span>
              </span>
            )}
            <span>{status.lastSyncedAt ? t('sync.lastSynced', { time: formatTime(status.lastSyncedAt) }) : t('sync.neverSynced')}</span>
            <span className="pending-count" data-testid="pending-outbox-count">
              {t('sync.pending', { n: status.pendingOutbox })}
            </span>
            {status.quarantined > 0 && <span className="quarantined">{t('sync.quarantined', { n: status.quarantined })}</span>}
            {status.online && status.degraded && <DegradedNotice degraded={status.degraded} />}
            {!status.online && (
              <span className="offline" data-testid="offline-indicator">
                {t('sync.offline')}
              </span>
            )}
          </>
        )}
        {shown && <span className="error">{errorMessage(shown)}</span>}
      </div>
      <button type="button" onClick={() => void syncNow()}>
        {t('sync.syncNow')}
      </button>
    </footer>
  );
}
