import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDeskQuery } from '../../desk/use-desk-query';
import { useErrorMessage } from '../../i18n/error-message';
import { AccountActionForm, type AccountTarget } from './account-action-form';
import { MaskedPhone } from '../reveal/masked-phone';

/**
 * Accounts sharing a phone, device or IP with the seller, so ban evasion is visible; ticking
 * some acts on them together with the seller as one group.
 */
export function LinkedAccounts({ seller, onActed }: { seller: AccountTarget; onActed(): void }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const linked = useDeskQuery('accounts:linked', { userId: seller.id }, { refetchOn: ['cache:changed'] });
  const links = linked.data?.links ?? [];
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (userId: string) =>
    setChosen((current) => {
      const next = new Set(current);
      if (!next.delete(userId)) next.add(userId);
      return next;
    });
  const group: AccountTarget[] = [seller, ...links.filter((l) => chosen.has(l.userId)).map((l) => ({ id: l.userId, nickname: l.nickname }))];
  return (
    <section className="linked-accounts" data-testid="linked-accounts" aria-label={t('linked.heading')}>
      <h4>{t('linked.heading')}</h4>
      {linked.error && <p className="error">{errorMessage(linked.error)}</p>}
      {linked.data && links.length === 0 && <p className="muted">{t('linked.none')}</p>}
      {links.length > 0 && (
        <table className="linked-table">
          <thead>
            <tr>
              <th scope="col">{t('linked.choose')}</th>
              <th scope="col">{t('linked.nickname')}</th>
              <th scope="col">{t('linked.phone')}</th>
              <th scope="col">{t('linked.status')}</th>
              <th scope="col">{t('linked.via')}</th>
            </tr>
          </thead>
          <tbody>
            {links.map((link) => (
              <tr key={link.userId} data-user-id={link.userId}>
                <td>
                  <input
                    type="checkbox"
                    aria-label={t('linked.chooseOne', { nickname: link.nickname })}
                    checked={chosen.has(link.userId)}
                    onChange={() => toggle(link.userId)}
                  />
                </td>
                <td>{link.nickname}</td>
                <td>
                  <MaskedPhone masked={link.phoneMasked} subjectType="user" subjectId={link.userId} />
                </td>
                <td>{t(`userStatuses.${link.status}`, { defaultValue: link.status })}</td>
                <td>{link.via.map((via) => t(`linked.shared.${via}`)).join(t('queue.listSeparator'))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {group.length > 1 && <AccountActionForm key={group.map((a) => a.id).join()} accounts={group} onActed={onActed} testId="account-group-form" />}
    </section>
  );
}
