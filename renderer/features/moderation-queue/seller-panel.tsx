import { useTranslation } from 'react-i18next';
import type { ListingDetail } from '../../../shared/ipc/views';
import { useShanghaiTime } from '../../i18n/shanghai-time';

/** The seller as the cache holds them: masked phone only, never more. */
export function SellerPanel({ seller }: { seller: ListingDetail['seller'] }) {
  const { t } = useTranslation();
  const formatTime = useShanghaiTime();
  if (!seller) return <p className="muted">{t('detail.noSeller')}</p>;
  return (
    <>
      <dl className="facts">
        <dt>{t('detail.sellerNickname')}</dt>
        <dd>{seller.nickname}</dd>
        <dt>{t('detail.sellerPhone')}</dt>
        <dd className="phone">{seller.phoneMasked}</dd>
        <dt>{t('detail.sellerStatus')}</dt>
        <dd>{t(`userStatuses.${seller.status}`)}</dd>
      </dl>
      <p>{t('detail.otherListings', { count: seller.otherListingCount })}</p>
      <h4>{t('detail.riskSignals')}</h4>
      {seller.riskSignals.length === 0 ? (
        <p className="muted">{t('detail.noRiskSignals')}</p>
      ) : (
        <ul className="risk-signals">
          {seller.riskSignals.map((signal, n) => (
            <li key={`${signal.kind}-${n}`}>
              <strong>{t(`riskSignals.${signal.kind}`)}</strong> <span>{signal.detail}</span>{' '}
              <time dateTime={signal.at}>{formatTime(signal.at)}</time>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
