import { useTranslation } from 'react-i18next';
import { ModalDialog } from '../dialog/modal-dialog';

export type UndeliveredChoice = 'deliver_first' | 'keep_for_next_sign_in';

interface SignOutDialogProps {
  count: number;
  /** Delivery was just tried and some decisions still could not go. */
  retried: boolean;
  working: boolean;
  error: string | null;
  onChoose(choice: UndeliveredChoice): void;
  onCancel(): void;
}

/** Asks what to do with undelivered decisions; "deliver first" comes first, so it takes the focus. */
export function SignOutDialog({ count, retried, working, error, onChoose, onCancel }: SignOutDialogProps) {
  const { t } = useTranslation();
  return (
    <ModalDialog title={t('signOut.undelivered', { count })} onClose={onCancel}>
      <p>{retried ? t('signOut.stillUndelivered', { count }) : t('signOut.explain')}</p>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="dialog-buttons">
        <button type="button" className="primary" disabled={working} onClick={() => onChoose('deliver_first')}>
          {working ? t('signOut.working') : t('signOut.deliverFirst')}
        </button>
        <button type="button" disabled={working} onClick={() => onChoose('keep_for_next_sign_in')}>
          {t('signOut.keep')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('signOut.cancel')}
        </button>
      </div>
    </ModalDialog>
  );
}
