import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesk } from '../../desk/desk-context';
import { DialogButtons } from '../dialog/dialog-buttons';
import { ModalDialog } from '../dialog/modal-dialog';
import { TextField } from '../legal-area/form-field';
import { endOfShanghaiDay, isCalendarDate, shanghaiDay, shanghaiToday } from '../legal-area/legal-dates';
import { useCalendarDate } from '../rights-tickets/calendar-date';
import { CallError } from '../rights-tickets/call-error';
import { useTicketCall } from '../rights-tickets/use-ticket-call';
import type { LegalHoldRow } from './hold-table';

interface RenewHoldDialogProps {
  hold: LegalHoldRow;
  onRenewed(): void;
  onClose(): void;
}

/** A new term for a hold (a freeze notice renewed by the authority), with the renewing document's number. */
export function RenewHoldDialog({ hold, onRenewed, onClose }: RenewHoldDialogProps) {
  const { t } = useTranslation();
  const desk = useDesk();
  const id = useId();
  const formatDate = useCalendarDate();
  const [expiresOn, setExpiresOn] = useState('');
  const [reference, setReference] = useState('');
  const [checked, setChecked] = useState(false);
  const { working, error, run } = useTicketCall();
  // The new term must end after the current one (or after today, for a hold with no end).
  const after = hold.expiresAt ? shanghaiDay(hold.expiresAt) : shanghaiToday();
  const dateProblem = !expiresOn ? 'required' : !isCalendarDate(expiresOn) ? 'invalid_date' : expiresOn <= after ? 'not_later' : null;
  const referenceProblem = !reference.trim() ? 'required' : reference.trim().length > 100 ? 'too_long' : null;
  const problem = (field: 'expiresOn' | 'reference', code: string | null) => (checked && code ? t(`holds.problems.${code}`, { field: t(`holds.renewDialog.${field}`), date: formatDate(after) }) : null);

  const renew = async (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (dateProblem || referenceProblem) return;
    const input = { holdId: hold.id, basedOnVersion: hold.version, expiresAt: endOfShanghaiDay(expiresOn), reference: reference.trim() };
    if (await run(() => desk.call('legal:renewHold', input))) onRenewed();
  };

  return (
    <ModalDialog title={t('holds.renewDialog.title', { reference: hold.reference })} onClose={onClose} testId="renew-hold-dialog">
      <form onSubmit={(e) => void renew(e)} noValidate>
        <TextField id={`${id}-expires`} type="date" label={t('holds.renewDialog.expiresOn')} value={expiresOn} error={problem('expiresOn', dateProblem)} onChange={setExpiresOn} />
        <TextField id={`${id}-reference`} maxLength={100} label={t('holds.renewDialog.reference')} value={reference} error={problem('reference', referenceProblem)} onChange={setReference} />
        <CallError error={error} />
        <DialogButtons
          cancelFirst
          cancelLabel={t('legal.cancel')}
          onCancel={onClose}
          confirmTestId="confirm-renew"
          confirmLabel={t('holds.renewDialog.confirm')}
          workingLabel={t('legal.working')}
          working={working}
        />
      </form>
    </ModalDialog>
  );
}
