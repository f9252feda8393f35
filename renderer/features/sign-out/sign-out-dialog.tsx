import { useEffect, useId, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';

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

export function SignOutDialog({ count, retried, working, error, onChoose, onCancel }: SignOutDialogProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const first = useRef<HTMLButtonElement>(null);
  const dialog = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    first.current?.focus();
    return () => opener?.focus();
  }, []);

  // A modal keeps Tab inside itself and closes on Escape.
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onCancel();
      return;
    }
    if (event.key !== 'Tab' || !dialog.current) return;
    const buttons = [...dialog.current.querySelectorAll<HTMLButtonElement>('button:not([disabled])')];
    const [head, tail] = [buttons[0], buttons[buttons.length - 1]];
    if (event.shiftKey && document.activeElement === head) {
      event.preventDefault();
      tail?.focus();
    } else if (!event.shiftKey && document.activeElement === tail) {
      event.preventDefault();
      head?.focus();
    }
  };

  return (
    <div className="dialog-backdrop">
      <div ref={dialog} className="dialog" role="dialog" aria-modal="true" aria-labelledby={titleId} onKeyDown={onKeyDown}>
        <h2 id={titleId}>{t('signOut.undelivered', { count })}</h2>
        <p>{retried ? t('signOut.stillUndelivered', { count }) : t('signOut.explain')}</p>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-buttons">
          <button ref={first} type="button" className="primary" disabled={working} onClick={() => onChoose('deliver_first')}>
            {working ? t('signOut.working') : t('signOut.deliverFirst')}
          </button>
          <button type="button" disabled={working} onClick={() => onChoose('keep_for_next_sign_in')}>
            {t('signOut.keep')}
          </button>
          <button type="button" onClick={onCancel}>
            {t('signOut.cancel')}
          </button>
        </div>
      </div>
    </div>
  );
}
