import { useTranslation } from 'react-i18next';
import { ModalDialog } from '../dialog/modal-dialog';
import { keyLabel, shortcutMap, shortcutScopes } from './shortcut-map';

/** `?`: every shortcut, by scope, straight from the shortcut map. */
export function ShortcutsDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  return (
    <ModalDialog title={t('shortcuts.heading')} onClose={onClose} testId="shortcuts-dialog" className="shortcuts-dialog">
      {shortcutScopes.map((scope) => (
        <section key={scope}>
          <h3>{t(`shortcuts.scopes.${scope}`)}</h3>
          <table className="shortcut-table">
            <thead>
              <tr>
                <th scope="col">{t('shortcuts.key')}</th>
                <th scope="col">{t('shortcuts.action')}</th>
              </tr>
            </thead>
            <tbody>
              {shortcutMap
                .filter((s) => s.scope === scope)
                .map((shortcut) => (
                  <tr key={shortcut.action}>
                    <td>
                      <kbd>{keyLabel(shortcut)}</kbd>
                    </td>
                    <td>{t(`shortcuts.actions.${shortcut.action}`)}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </section>
      ))}
      <div className="dialog-buttons">
        <button type="button" onClick={onClose}>
          {t('shortcuts.close')}
        </button>
      </div>
    </ModalDialog>
  );
}
