import { useTranslation } from 'react-i18next';
import { useDeskQuery } from '../../desk/use-desk-query';
import { useErrorMessage } from '../../i18n/error-message';

/** Accounts sharing a phone, device or IP with the seller, so ban evasion is visible. */
export function LinkedAccounts({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const linked = useDeskQuery('accounts:linked', { userId }, { refetchOn: ['cache:changed'] });
  const links = linked.data?.links ?? [];
  return (
    <section className="linked-accounts" data-testid="linked-accounts" aria-label={t('linked.heading')}>
      <h4>{t('linked.heading')}</h4>
      {linked.error && <p className="error">{errorMessage(linked.error)}</p>}
      {linked.data && links.length === 0 && <p className="muted">{t('linked.none')}</p>}
      {links.length > 0 && (
        <table className="linked-table">
          <thead>
            <tr>
              <th scope="col">{t('linked.nickname')}</th>
              <th scope="col">{t('linked.phone')}</th>
              <th scope="col">{t('linked.status')}</th>
              <th scope="col">{t('linked.via')}</th>
            </tr>
          </thead>
          <tbody>
            {links.map((link) => (
              <tr key={link.userId} data-user-id={link.userId}>
                <td>{link.nickname}</td>
                <td className="phone">{link.phoneMasked}</td>
                <td>{t(`userStatuses.${link.status}`, { defaultValue: link.status })}</td>
                <td>{link.via.map((via) => t(`linked.shared.${via}`)).join(t('queue.listSeparator'))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
