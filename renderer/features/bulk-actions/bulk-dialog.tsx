import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BULK_CONFIRMATION_THRESHOLD } from '../../../shared/ipc/moderation-views';
import { moderationActions, type ModerationAction } from '../../../shared/platform/entities';
import { useErrorMessage } from '../../i18n/error-message';
import { ModalDialog } from '../dialog/modal-dialog';
import { ReasonSelect } from '../listing-review/reason-select';
import { draftNotice } from '../moderation-queue/reasons';
import { BulkItemList } from './bulk-item-list';
import { useBulkAction, type BulkDraft } from './use-bulk-action';
import { BULK_UNDO_SECONDS, useCountdown } from './use-countdown';

interface BulkDialogProps {
  listingIds: string[];
  titles?: Readonly<Record<string, string>>;
  initialReason?: string;
  onClose(): void;
}

/**
 * One decision for many listings (a selection or a duplicate cluster): dry run first, then
 * apply, then each item's result and an undo while the platform's window is open. A senior
 * moderator's tool; the core and the platform refuse it to anyone else.
 */
export function BulkDialog({ listingIds, titles, initialReason = '', onClose }: BulkDialogProps) {
  const { t } = useTranslation();
  const id = useId();
  const errorMessage = useErrorMessage();
  const [draft, setDraft] = useState<BulkDraft>(() => ({
    action: 'reject',
    reasonCode: initialReason,
    note: '',
    notice: initialReason ? draftNotice(initialReason, 'reject', {}) : '',
    confirmation: '',
  }));
  const bulk = useBulkAction(listingIds, draft);
  const until = bulk.applied ? (bulk.applied.undoableUntil ? Date.parse(bulk.applied.undoableUntil) : (bulk.appliedAt ?? 0) + BULK_UNDO_SECONDS * 1000) : null;
  const secondsLeft = useCountdown(bulk.stage === 'applied' ? until : null);
  const change = (patch: Partial<BulkDraft>) => setDraft((current) => ({ ...current, ...patch }));
  const chooseAction = (action: ModerationAction) => change({ action, reasonCode: '', notice: '' });
  const chooseReason = (code: string) => change({ reasonCode: code, notice: code && draft.action !== 'approve' ? draftNotice(code, draft.action, {}) : '' });
  const editable = bulk.stage === 'dry_run';

  return (
    <ModalDialog title={t('bulk.heading', { count: listingIds.length })} onClose={onClose} testId="bulk-dialog" className="bulk-dialog">
      {editable && (
        <div className="bulk-form">
          <label htmlFor={`${id}-reason`}>{t('bulk.reason')}</label>
          <ReasonSelect id={`${id}-reason`} action={draft.action === 'approve' ? 'reject' : draft.action} testId="bulk-reason" value={draft.reasonCode} disabled={draft.action === 'approve'} onChange={chooseReason} />
          <fieldset className="radio-row">
            <legend>{t('bulk.action')}</legend>
            {moderationActions.map((action) => (
              <label key={action}>
                <input type="radio" name={`${id}-action`} value={action} checked={draft.action === action} onChange={() => chooseAction(action)} />
                {t(`actions.${action}`)}
              </label>
            ))}
          </fieldset>
          <label htmlFor={`${id}-note`}>{t('decision.note')}</label>
          <textarea id={`${id}-note`} rows={2} maxLength={2000} value={draft.note} onChange={(e) => change({ note: e.target.value })} />
          <label htmlFor={`${id}-notice`}>{t('decision.notice')}</label>
          <textarea id={`${id}-notice`} data-testid="bulk-notice" rows={3} maxLength={2000} value={draft.notice} onChange={(e) => change({ notice: e.target.value })} />
          <p className="muted">{t('bulk.noticeHint')}</p>
        </div>
      )}
      <h3>{t('bulk.dryRunHeading')}</h3>
      {bulk.dryRun ? (
        <BulkItemList result={bulk.dryRun} testId="bulk-dry-run-results" titles={titles} />
      ) : (
        !bulk.error && <p className="muted">{t('bulk.dryRunning')}</p>
      )}
      {editable && bulk.needsConfirmation && (
        <div className="bulk-confirm">
          <label htmlFor={`${id}-confirm`}>{t('bulk.confirmLabel', { count: listingIds.length, threshold: BULK_CONFIRMATION_THRESHOLD })}</label>
          <input
            id={`${id}-confirm`}
            data-testid="bulk-confirm-input"
            inputMode="numeric"
            autoComplete="off"
            value={draft.confirmation}
            aria-invalid={draft.confirmation !== '' && !bulk.confirmed}
            onChange={(e) => change({ confirmation: e.target.value })}
          />
        </div>
      )}
      {bulk.applied && (
        <>
          <h3>{t('bulk.resultsHeading')}</h3>
          <BulkItemList result={bulk.applied} testId="bulk-results" titles={titles} />
        </>
      )}
      {bulk.undone && (
        <>
          <h3>{t('bulk.undoneHeading')}</h3>
          <BulkItemList result={bulk.undone} testId="bulk-undo-results" titles={titles} />
        </>
      )}
      {bulk.error && (
        <p className="error" role="alert">
          {errorMessage(bulk.error)}
        </p>
      )}
      <div className="dialog-buttons">
        {editable && (
          <button type="button" className="reject" data-testid="bulk-apply" disabled={!bulk.ready} onClick={() => void bulk.apply()}>
            {t('bulk.apply', { action: t(`actions.${draft.action}`), count: listingIds.length })}
          </button>
        )}
        {bulk.stage === 'applied' && (
          <button type="button" data-testid="bulk-undo" disabled={bulk.busy || secondsLeft === 0} onClick={() => void bulk.undo()}>
            {secondsLeft === 0 ? t('bulk.undoClosed') : t('bulk.undo', { seconds: secondsLeft ?? BULK_UNDO_SECONDS })}
          </button>
        )}
        <button type="button" onClick={onClose}>
          {t('bulk.close')}
        </button>
      </div>
    </ModalDialog>
  );
}
