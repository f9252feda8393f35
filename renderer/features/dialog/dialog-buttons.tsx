import type { ReactNode } from 'react';

interface DialogButtonsProps {
  confirmLabel: ReactNode;
  /** Shown on the confirming button in place of its label while the call is working. */
  workingLabel?: ReactNode;
  cancelLabel: ReactNode;
  /** The confirming button is disabled while this is true, so a call is not sent twice. */
  working: boolean;
  confirmTestId: string;
  /** `reject` for a confirmation that takes something away. */
  confirmClassName?: 'primary' | 'reject';
  /** Without it the confirming button submits the form it sits in. */
  onConfirm?(): void;
  onCancel(): void;
  /** Cancel before confirm, as the hold dialogs have it: the order is the tab order, so each footer keeps its own. */
  cancelFirst?: boolean;
  /** `decision-buttons` for a form on a page rather than in a dialog. */
  className?: 'dialog-buttons' | 'decision-buttons';
}

/** The cancel and confirm pair at the foot of a dialog or a form. */
export function DialogButtons({
  confirmLabel,
  workingLabel,
  cancelLabel,
  working,
  confirmTestId,
  confirmClassName = 'primary',
  onConfirm,
  onCancel,
  cancelFirst = false,
  className = 'dialog-buttons',
}: DialogButtonsProps) {
  const confirm = (
    <button type={onConfirm ? 'button' : 'submit'} className={confirmClassName} data-testid={confirmTestId} disabled={working} onClick={onConfirm}>
      {working && workingLabel !== undefined ? workingLabel : confirmLabel}
    </button>
  );
  const cancel = (
    <button type="button" onClick={onCancel}>
      {cancelLabel}
    </button>
  );
  return (
    <div className={className}>
      {cancelFirst ? cancel : confirm}
      {cancelFirst ? confirm : cancel}
    </div>
  );
}
