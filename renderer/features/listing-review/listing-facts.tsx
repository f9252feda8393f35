import { useTranslation } from 'react-i18next';
import type { Listing } from '../../../shared/platform/entities';
import { useShanghaiTime } from '../../i18n/shanghai-time';
import { usePriceFormat } from '../moderation-queue/listing-price';
import { MaskedPhone } from '../reveal/masked-phone';

export function ListingFacts({ listing }: { listing: Listing }) {
  const { t } = useTranslation();
  const formatTime = useShanghaiTime();
  const formatPrice = usePriceFormat();
  return (
    <dl className="facts">
      <dt>{t('detail.price')}</dt>
      <dd>{formatPrice(listing.priceFen, listing.priceUnit)}</dd>
      <dt>{t('detail.category')}</dt>
      <dd>{t(`categories.${listing.category}`)}</dd>
      <dt>{t('detail.location')}</dt>
      <dd>{t('detail.locationValue', { city: listing.city, district: listing.district })}</dd>
      <dt>{t('detail.contactPhone')}</dt>
      <dd>
        <MaskedPhone masked={listing.contactPhoneMasked} subjectType="listing" subjectId={listing.id} />
      </dd>
      <dt>{t('detail.createdAt')}</dt>
      <dd>
        <time dateTime={listing.createdAt}>{formatTime(listing.createdAt)}</time>
      </dd>
      <dt>{t('detail.status')}</dt>
      <dd>
        {t(`listingStatuses.${listing.status}`)}
        {listing.escalated && <span className="badge">{t('detail.escalated')}</span>}
      </dd>
    </dl>
  );
}
