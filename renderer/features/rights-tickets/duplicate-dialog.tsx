import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketRow } from '../../../shared/ipc/rights-views';
import { useShanghaiTime } from '../../i18n/shanghai-time';
import { DialogButtons } from '../dialog/dialog-buttons';
import { ModalDialog } from '../dialog/modal-dialog';

interface DuplicateDialogProps {
  tickets: TicketRow[];
  working: boolean;
  onOpen(ticketId: string): void;
  onCreateAnyway(): void;
  onCancel(): void;
  /** Why creating failed, shown inside the dialog that asked. */
  children?: ReactNode;
}

/**
 * The account already has an open ticket of this type: usually the caller is chasing it, so
 * opening it comes first and a second ticket needs an explicit choice.
 */
export function DuplicateDialog({ tickets, working, onOpen, onCreateAnyway, onCancel, children }: DuplicateDialogProps) {
  const { t } = useTranslation();
  const formatTime = useShanghaiTime();
  return (
    <ModalDialog title={t('rights.intake.duplicates.title', { n: tickets.length })} onClose={onCancel} testId="duplicate-dialog">
      <p>{t('rights.intake.duplicates.explain')}</p>
      <ul className="duplicate-tickets">
        {tickets.map((ticket) => (
          <li key={ticket.id}>
            <button type="button" onClick={() => onOpen(ticket.id)}>
              {t('rights.intake.duplicates.open', { number: ticket.number })}
            </button>{' '}
            <span>{t(`ticketStates.${ticket.state}`)}</span> ·{' '}
            <span className="muted">{t('rights.intake.duplicates.received', { time: formatTime(ticket.receivedAt) })}</span>
          </li>
        ))}
      </ul>
      {children}
      <DialogButtons
        confirmTestId="create-anyway"
        confirmLabel={t('rights.intake.duplicates.createAnyway')}
        working={working}
        onConfirm={onCreateAnyway}
        cancelLabel={t('rights.intake.duplicates.cancel')}
        onCancel={onCancel}
      />
    </ModalDialog>
  );
}
