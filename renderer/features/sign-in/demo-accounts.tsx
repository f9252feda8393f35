import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { DemoAccount } from '../../../shared/ipc/views';

/** Shown only against the embedded sandbox: its accounts are public by design. */
export function DemoAccounts({ accounts, onUse }: { accounts: DemoAccount[]; onUse(account: DemoAccount): void }) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <aside className="demo-notice" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('signIn.demoHeading')}</h2>
      <p>{t('signIn.demoBody')}</p>
      <table className="demo-accounts">
        <thead>
          <tr>
            <th scope="col">{t('signIn.demoRole')}</th>
            <th scope="col">{t('signIn.demoUsername')}</th>
            <th scope="col">{t('signIn.demoPassword')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('signIn.demoActions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {accounts.map((account) => (
            <tr key={account.username}>
              <td>{t(`roles.${account.role}`)}</td>
              <td>
                <code>{account.username}</code>
              </td>
              <td>
                <code>{account.password}</code>
              </td>
              <td>
                <button
                  type="button"
                  aria-label={t('signIn.demoUseLabel', { role: t(`roles.${account.role}`), username: account.username })}
                  onClick={() => onUse(account)}
                >
                  {t('signIn.demoUse')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </aside>
  );
}
