import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useConsoleSettings } from './console-settings';
import { ConsoleSettingsDialog } from './console-settings-dialog';

/** The header's way to the console settings (today: when it locks itself). */
export function ConsoleSettingsButton() {
  const { t } = useTranslation();
  const settings = useConsoleSettings();
  const [open, setOpen] = useState(false);
  if (!settings) return null;
  return (
    <>
      <button type="button" data-testid="console-settings-button" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        {t('settings.button')}
      </button>
      {open && <ConsoleSettingsDialog settings={settings} onClose={() => setOpen(false)} />}
    </>
  );
}
