import { useTranslation } from 'react-i18next';
import { useDeskQuery } from '../../desk/use-desk-query';
import { useErrorMessage } from '../../i18n/error-message';
import { useShanghaiTime } from '../../i18n/shanghai-time';
import { DecisionHistory } from '../listing-review/decision-history';
import { usePriceFormat } from '../moderation-queue/listing-price';
import { useReasonLabel } from '../moderation-queue/reasons';
import { AccountActionForm } from './account-action-form';
import { LinkedAccounts } from './linked-accounts';
import { RiskSignalList } from './risk-signal-list';
import { MaskedPhone } from '../reveal/masked-phone';

/**
 * Everything about a seller a moderator weighs before acting on the account: its listings,
 * decisions against it, strikes, security signals, earlier account actions, linked accounts.
 */
export function SellerPanel({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const formatTime = useShanghaiTime();
  const formatPrice = usePriceFormat();
  const reasonLabel = useReasonLabel();
  const panel = useDeskQuery('accounts:panel', { userId }, { refetchOn: ['cache:changed'] });

  if (!panel.data) {
    return (
      <section className="seller-panel" data-testid="seller-panel" aria-busy={panel.loading} aria-label={t('seller.heading')}>
        {panel.error ? <p className="error">{errorMessage(panel.error)}</p> : <p className="muted">{t('seller.loading')}</p>}
      </section>
    );
  }
  const { user, listings, decisions, actions } = panel.data;
  return (
    <section className="seller-panel" data-testid="seller-panel" data-user-id={user.id} aria-label={t('seller.heading')}>
      <h4>{t('seller.heading')}</h4>
      <dl className="facts">
        <dt>{t('detail.sellerNickname')}</dt>
        <dd>{user.nickname}</dd>
        <dt>{t('detail.sellerPhone')}</dt>
        <dd>
          <MaskedPhone masked={user.phoneMasked} subjectType="user" subjectId={user.id} />
        </dd>
        <dt>{t('detail.sellerStatus')}</dt>
        <dd>
          {t(`userStatuses.${user.status}`)}
          {user.restrictedUntil && <span className="muted"> {t('seller.restrictedUntil', { time: formatTime(user.restrictedUntil) })}</span>}
        </dd>
        <dt>{t('seller.strikes')}</dt>
        <dd data-testid="seller-strikes">{user.strikes}</dd>
        <dt>{t('seller.registeredAt')}</dt>
        <dd>{formatTime(user.registeredAt)}</dd>
      </dl>
      <h4>{t('detail.riskSignals')}</h4>
      <RiskSignalList signals={user.riskSignals} />
      <h4>{t('seller.listings', { count: listings.length })}</h4>
      {listings.length === 0 ? (
        <p className="muted">{t('seller.noListings')}</p>
      ) : (
        <ul className="seller-listings">
          {listings.map((listing) => (
            <li key={listing.id} data-listing-id={listing.id}>
              {listing.title} · {formatPrice(listing.priceFen, listing.priceUnit)} ·{' '}
              {t(`listingStatuses.${listing.status}`, { defaultValue: listing.status })}
            </li>
          ))}
        </ul>
      )}
      <h4>{t('seller.decisions')}</h4>
      <DecisionHistory decisions={decisions} />
      <h4>{t('seller.actions')}</h4>
      {actions.length === 0 ? (
        <p className="muted">{t('seller.noActions')}</p>
      ) : (
        <ul className="account-actions">
          {actions.map((action) => (
            <li key={action.id}>
              <strong>{t(`accountActions.${action.action}`)}</strong>
              {action.durationDays !== null && <span> {t('seller.days', { count: action.durationDays })}</span>} · {reasonLabel(action.reasonCode)}
              <span className="muted"> · {t('history.by', { staffName: action.staffName, time: formatTime(action.at) })}</span>
            </li>
          ))}
        </ul>
      )}
      <AccountActionForm accounts={[user]} onActed={panel.refetch} />
      <LinkedAccounts seller={user} onActed={panel.refetch} />
    </section>
  );
}
