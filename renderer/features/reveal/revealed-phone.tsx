import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RevealTarget } from '../../../shared/ipc/governance-views';
import { useDesk } from '../../desk/desk-context';
import { useCountdown } from '../bulk-actions/use-countdown';
import { CallError } from '../rights-tickets/call-error';
import { useTicketCall } from '../rights-tickets/use-ticket-call';
import type { RevealedValue } from './use-revealed-value';

interface RevealedPhoneProps {
  target: RevealTarget;
  revealed: RevealedValue;
  onHide(): void;
}

/**
 * The full number while it may be shown, with the seconds left. Mounted per reveal, so its
 * countdown starts from the reveal and the copy notice goes with the number.
 */
export function RevealedPhone({ target, revealed, onHide }: RevealedPhoneProps) {
  const { t } = useTranslation();
  const desk = useDesk();
  const secondsLeft = useCountdown(revealed.hideAt);
  const [copied, setCopied] = useState<'recorded' | 'clipboard_failed' | null>(null);
  const copy = useTicketCall();
  const copyButton = useRef<HTMLButtonElement>(null);

  // Focus comes here because the button that opened the reveal dialog is gone.
  useEffect(() => copyButton.current?.focus(), []);

  // Recorded first: a copy the audit trail cannot record does not happen.
  const copyValue = async () => {
    setCopied(null);
    const recorded = await copy.run(() => desk.call('pii:copied', target));
    if (!recorded) return;
    try {
      await navigator.clipboard.writeText(revealed.value);
      setCopied('recorded');
    } catch {
      setCopied('clipboard_failed');
    }
  };

  return (
    <span className="masked-phone revealed" data-testid="masked-phone">
      <span className="phone revealed-phone" data-testid="revealed-phone">
        {revealed.value}
      </span>{' '}
      <span className="muted reveal-countdown" role="timer" data-testid="reveal-countdown">
        {t('reveal.countdown', { count: secondsLeft ?? 0 })}
      </span>{' '}
      <button type="button" ref={copyButton} data-testid="reveal-copy" disabled={copy.working} onClick={() => void copyValue()}>
        {t('reveal.copy')}
      </button>{' '}
      <button type="button" data-testid="reveal-hide" onClick={onHide}>
        {t('reveal.hide')}
      </button>
      {copied && (
        <span role="status" className={copied === 'recorded' ? 'muted' : 'error'} data-testid="reveal-copied">
          {' '}
          {t(`reveal.copied.${copied}`)}
        </span>
      )}
      <CallError error={copy.error} />
    </span>
  );
}
