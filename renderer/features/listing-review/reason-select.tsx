import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReasonAction } from '../../../shared/moderation/notices';
import { currentLanguage } from '../../i18n/desk-i18n';
import { reasonsFor } from '../moderation-queue/reasons';
import { REASON_KEYS, shortcutFor } from '../shortcuts/shortcut-map';

interface ReasonSelectProps {
  id: string;
  action: ReasonAction;
  value: string;
  onChange(code: string): void;
  /** Enter in the list (the `reasonChooser` scope of the shortcut map). */
  onConfirm?(): void;
  onCancel?(): void;
  ref?: Ref<HTMLSelectElement>;
  testId?: string;
  invalid?: boolean;
  disabled?: boolean;
}

/**
 * The reasons of one action, numbered as in the taxonomy file so 1–9 pick them while the list
 * has focus; Enter confirms and Escape cancels.
 */
export function ReasonSelect({ id, action, value, onChange, onConfirm, onCancel, ref, testId, invalid, disabled }: ReasonSelectProps) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const reasons = reasonsFor(action);
  return (
    <select
      id={id}
      ref={ref}
      data-testid={testId}
      value={value}
      aria-invalid={invalid}
      disabled={disabled}
      onChange={(e) => onChange(e.target.value)}
      onKeyDown={(e) => {
        if (e.altKey || e.ctrlKey || e.metaKey) return;
        const shortcut = shortcutFor('reasonChooser', e.key);
        if (shortcut === 'pickReason') {
          const reason = reasons[(REASON_KEYS as readonly string[]).indexOf(e.key)];
          if (reason) {
            e.preventDefault();
            onChange(reason.code);
          }
        } else if (shortcut === 'confirmReason' && onConfirm) {
          e.preventDefault();
          onConfirm();
        } else if (shortcut === 'cancelReason' && onCancel) {
          e.preventDefault();
          onCancel();
        }
      }}
    >
      <option value="">{t('decision.chooseReason')}</option>
      {reasons.map((reason, n) => (
        <option key={reason.code} value={reason.code}>
          {n < REASON_KEYS.length ? t('decision.numberedReason', { n: n + 1, label: reason.label[language] }) : reason.label[language]}
        </option>
      ))}
    </select>
  );
}
