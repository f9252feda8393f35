import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesk } from '../../desk/desk-context';
import { DialogButtons } from '../dialog/dialog-buttons';
import { ModalDialog } from '../dialog/modal-dialog';
import { TextField } from '../legal-area/form-field';
import { CallError } from '../rights-tickets/call-error';
import { useTicketCall } from '../rights-tickets/use-ticket-call';
import type { LegalHoldRow } from './hold-table';

interface LiftHoldDialogProps {
  hold: LegalHoldRow;
  onLifted(): void;
  onClose(): void;
}

/**
 * Lifting a hold lets deletion and cancellation go ahead on what it covered, so it is confirmed
 * here and needs the reason (the order discharged, the case closed) on record.
 */
export function LiftHoldDialog({ hold, onLifted, onClose }: LiftHoldDialogProps) {
  const { t } = useTranslation();
  const desk = useDesk();
  const id = useId();
  const [reason, setReason] = useState('');
  const [checked, setChecked] = useState(false);
  const { working, error, run } = useTicketCall();
  const missing = checked && !reason.trim();

  const lift = async (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (!reason.trim()) return;
    if (await run(() => desk.call('legal:liftHold', { holdId: hold.id, basedOnVersion: hold.version, reason: reason.trim() }))) onLifted();
  };

  return (
    <ModalDialog title={t('holds.liftDialog.title', { reference: hold.reference })} onClose={onClose} testId="lift-hold-dialog">
      <form onSubmit={(e) => void lift(e)} noValidate>
        <p>{t('holds.liftDialog.explain', { account: hold.account.nickname ?? hold.userId })}</p>
        <TextField
          id={`${id}-reason`}
          rows={3}
          maxLength={1000}
          label={t('holds.liftDialog.reason')}
          value={reason}
          error={missing ? t('holds.problems.required', { field: t('holds.liftDialog.reason') }) : null}
          onChange={setReason}
        />
        <CallError error={error} />
        <DialogButtons
          cancelFirst
          cancelLabel={t('legal.cancel')}
          onCancel={onClose}
          confirmClassName="reject"
          confirmTestId="confirm-lift"
          confirmLabel={t('holds.liftDialog.confirm')}
          workingLabel={t('legal.working')}
          working={working}
        />
      </form>
    </ModalDialog>
  );
}
