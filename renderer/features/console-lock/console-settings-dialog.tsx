import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ConsoleSettings } from '../../../shared/ipc/governance-views';
import { DialogButtons } from '../dialog/dialog-buttons';
import { ModalDialog } from '../dialog/modal-dialog';
import { CallError } from '../rights-tickets/call-error';
import { useTicketCall } from '../rights-tickets/use-ticket-call';
import type { ConsoleSettingsState } from './console-settings';

const { minValue: MIN_MINUTES, maxValue: MAX_MINUTES } = ConsoleSettings.shape.idleLockMinutes;

/** The idle-lock minutes, checked against the contract's own bounds before they are sent. */
export function ConsoleSettingsDialog({ settings, onClose }: { settings: ConsoleSettingsState; onClose(): void }) {
  const { t } = useTranslation();
  const id = useId();
  const [minutes, setMinutes] = useState(String(settings.idleLockMinutes));
  const [invalid, setInvalid] = useState(false);
  const { working, error, run } = useTicketCall();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const value = Number(minutes);
    if (!ConsoleSettings.shape.idleLockMinutes.safeParse(value).success || minutes.trim() === '') return setInvalid(true);
    setInvalid(false);
    if (await run(() => settings.save({ idleLockMinutes: value }))) onClose();
  };

  return (
    <ModalDialog title={t('settings.heading')} onClose={onClose} testId="console-settings">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <label htmlFor={`${id}-idle`}>{t('settings.idleLockMinutes')}</label>
        <input
          id={`${id}-idle`}
          data-testid="idle-minutes-input"
          type="number"
          inputMode="numeric"
          min={MIN_MINUTES ?? undefined}
          max={MAX_MINUTES ?? undefined}
          step={1}
          value={minutes}
          aria-invalid={invalid}
          aria-describedby={`${id}-hint`}
          onChange={(e) => setMinutes(e.target.value)}
        />
        <p id={`${id}-hint`} className={invalid ? 'error' : 'muted'} role={invalid ? 'alert' : undefined}>
          {t('settings.idleLockHint', { min: MIN_MINUTES, max: MAX_MINUTES })}
        </p>
        <CallError error={error} />
        <DialogButtons confirmTestId="idle-minutes-save" confirmLabel={t('settings.save')} working={working} cancelLabel={t('settings.cancel')} onCancel={onClose} />
      </form>
    </ModalDialog>
  );
}
