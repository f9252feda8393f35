import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ListingDetail } from '../../../shared/ipc/views';
import { RiskSignalList } from './risk-signal-list';
import { SellerPanel } from './seller-panel';
import { MaskedPhone } from '../reveal/masked-phone';

/** The seller as the cache holds them (masked phone only), and the full seller panel on demand. */
export function SellerSection({ seller }: { seller: ListingDetail['seller'] }) {
  const { t } = useTranslation();
  const panelId = useId();
  const [open, setOpen] = useState(false);
  if (!seller) return <p className="muted">{t('detail.noSeller')}</p>;
  return (
    <>
      <dl className="facts">
        <dt>{t('detail.sellerNickname')}</dt>
        <dd>{seller.nickname}</dd>
        <dt>{t('detail.sellerPhone')}</dt>
        <dd>
          <MaskedPhone masked={seller.phoneMasked} subjectType="user" subjectId={seller.id} />
        </dd>
        <dt>{t('detail.sellerStatus')}</dt>
        <dd>{t(`userStatuses.${seller.status}`)}</dd>
        <dt>{t('seller.strikes')}</dt>
        <dd>{seller.strikes}</dd>
      </dl>
      <p>{t('detail.otherListings', { count: seller.otherListingCount })}</p>
      <h4>{t('detail.riskSignals')}</h4>
      <RiskSignalList signals={seller.riskSignals} />
      <button type="button" aria-expanded={open} aria-controls={panelId} data-testid="seller-panel-toggle" onClick={() => setOpen((o) => !o)}>
        {open ? t('seller.hidePanel') : t('seller.showPanel')}
      </button>
      <div id={panelId}>{open && <SellerPanel userId={seller.id} />}</div>
    </>
  );
}
