import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeskError } from '../../../shared/errors';
import { REVEAL_SECONDS, revealReasons } from '../../../shared/ipc/governance-views';
import { DialogButtons } from '../dialog/dialog-buttons';
import { ModalDialog } from '../dialog/modal-dialog';
import { CallError } from '../rights-tickets/call-error';

export type RevealReasonCode = (typeof revealReasons)[number];
type Reason = RevealReasonCode;

/** The platform refuses a reveal whose stated reason is shorter than this. */
export const MIN_NOTE_LENGTH = 4;

export interface RevealChoice {
  reason: Reason;
  note?: string;
}

interface RevealDialogProps {
  masked: string;
  working: boolean;
  error: DeskError | null;
  onConfirm(choice: RevealChoice): void;
  onCancel(): void;
}

type Problem = 'no_reason' | 'no_note' | null;

/**
 * Asks why before a full number is fetched: a listed reason, or "other" with the reason typed.
 * The reason goes to the audit trail with the reveal, so the dialog says so.
 */
export function RevealDialog({ masked, working, error, onConfirm, onCancel }: RevealDialogProps) {
  const { t } = useTranslation();
  const id = useId();
  const [reason, setReason] = useState<Reason | null>(null);
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<Problem>(null);
  const noteRequired = reason === 'other';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = note.trim();
    if (!reason) return setProblem('no_reason');
    if (noteRequired && trimmed.length < MIN_NOTE_LENGTH) return setProblem('no_note');
    setProblem(null);
    onConfirm(trimmed ? { reason, note: trimmed } : { reason });
  };

  return (
    <ModalDialog title={t('reveal.dialogTitle', { masked })} onClose={onCancel} testId="reveal-dialog">
      <form onSubmit={submit} noValidate>
        <p className="muted">{t('reveal.explain', { seconds: REVEAL_SECONDS })}</p>
        <fieldset
          className="reveal-reasons"
          data-testid="reveal-reason"
          aria-invalid={problem === 'no_reason'}
          aria-describedby={problem === 'no_reason' ? `${id}-problem` : undefined}
        >
          <legend>{t('reveal.reasonLabel')}</legend>
          {revealReasons.map((r) => (
            <label key={r}>
              <input
                type="radio"
                name={`${id}-reason`}
                value={r}
                checked={reason === r}
                onChange={() => {
                  setReason(r);
                  setProblem(null);
                }}
              />
              {t(`reveal.reasons.${r}`)}
            </label>
          ))}
        </fieldset>
        <label htmlFor={`${id}-note`}>{noteRequired ? t('reveal.noteRequired') : t('reveal.noteOptional')}</label>
        <textarea
          id={`${id}-note`}
          data-testid="reveal-note"
          value={note}
          maxLength={500}
          rows={2}
          required={noteRequired}
          aria-invalid={problem === 'no_note'}
          aria-describedby={problem === 'no_note' ? `${id}-problem` : undefined}
          onChange={(e) => setNote(e.target.value)}
        />
        {problem && (
          <p className="error" role="alert" id={`${id}-problem`}>
            {t(`reveal.problems.${problem}`, { min: MIN_NOTE_LENGTH })}
          </p>
        )}
        <CallError error={error} fieldsKey="reveal.fields" />
        <DialogButtons
          confirmTestId="reveal-confirm"
          confirmLabel={t('reveal.confirm')}
          workingLabel={t('reveal.working')}
          working={working}
          cancelLabel={t('reveal.cancel')}
          onCancel={onCancel}
        />
      </form>
    </ModalDialog>
  );
}
