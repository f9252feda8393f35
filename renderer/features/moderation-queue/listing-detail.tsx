import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutboxEntry } from '../../../shared/ipc/views';
import { useDeskQuery } from '../../desk/use-desk-query';
import { useErrorMessage } from '../../i18n/error-message';
import { useShanghaiTime } from '../../i18n/shanghai-time';
import { DecisionBar } from './decision-bar';
import { ListingImages } from './listing-images';
import { usePriceFormat } from './listing-price';
import { ReportList } from './report-list';
import { SellerPanel } from './seller-panel';

interface ListingDetailPaneProps {
  listingId: string | null;
  onDecided(listingId: string, entry: OutboxEntry): void;
}

export function ListingDetailPane({ listingId, onDecided }: ListingDetailPaneProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const formatTime = useShanghaiTime();
  const formatPrice = usePriceFormat();
  const errorMessage = useErrorMessage();
  const detail = useDeskQuery('moderation:listing', { listingId: listingId ?? '-' }, {
    enabled: listingId !== null,
    refetchOn: ['cache:changed', 'outbox:changed'],
  });

  if (listingId === null) {
    return (
      <section className="listing-detail empty" aria-label={t('detail.label')}>
        <p className="muted">{t('detail.none')}</p>
      </section>
    );
  }
  if (!detail.data) {
    return (
      <section className="listing-detail empty" aria-label={t('detail.label')} aria-busy={detail.loading}>
        {detail.error ? (
          <p className="error" role="alert">
            {errorMessage(detail.error)}
          </p>
        ) : (
          <p className="muted">{t('detail.loading')}</p>
        )}
      </section>
    );
  }

  const { listing, seller, reports, undelivered } = detail.data;
  return (
    <section className="listing-detail" data-testid="listing-detail" data-listing-id={listing.id} aria-labelledby={headingId}>
      <h2 id={headingId}>{listing.title}</h2>
      {undelivered && (
        <p className="notice undelivered" role="status">
          {t('detail.undelivered', { action: t(`actions.${undelivered.action}`) })}
        </p>
      )}
      <DecisionBar key={listing.id} listing={listing} blocked={undelivered !== null} onDecided={(entry) => onDecided(listing.id, entry)} />
      <dl className="facts">
        <dt>{t('detail.price')}</dt>
        <dd>{formatPrice(listing.priceFen, listing.priceUnit)}</dd>
        <dt>{t('detail.category')}</dt>
        <dd>{t(`categories.${listing.category}`)}</dd>
        <dt>{t('detail.location')}</dt>
        <dd>{t('detail.locationValue', { city: listing.city, district: listing.district })}</dd>
        <dt>{t('detail.contactPhone')}</dt>
        <dd className="phone">{listing.contactPhoneMasked}</dd>
        <dt>{t('detail.createdAt')}</dt>
        <dd>
          <time dateTime={listing.createdAt}>{formatTime(listing.createdAt)}</time>
        </dd>
        <dt>{t('detail.status')}</dt>
        <dd>{t(`listingStatuses.${listing.status}`)}</dd>
      </dl>
      <h3>{t('detail.body')}</h3>
      <p className="listing-body">{listing.body}</p>
      <h3>{t('detail.images')}</h3>
      <ListingImages images={listing.images} title={listing.title} />
      <h3>{t('detail.seller')}</h3>
      <SellerPanel seller={seller} />
      <h3>{t('detail.reports', { count: reports.length })}</h3>
      <ReportList reports={reports} />
    </section>
  );
}
