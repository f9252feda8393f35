import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDeskQuery } from '../../desk/use-desk-query';
import { useErrorMessage } from '../../i18n/error-message';
import { BulkDialog } from '../bulk-actions/bulk-dialog';
import { ClusterCard } from './cluster-card';

interface BulkTarget {
  listingIds: string[];
  titles: Record<string, string>;
}

/** Near-duplicate clusters (`moderation:clusters`): same text or same phone, compared side by side. */
export function DuplicatesPage() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const clusters = useDeskQuery('moderation:clusters', {}, { refetchOn: ['cache:changed'] });
  const [bulk, setBulk] = useState<BulkTarget | null>(null);
  const list = clusters.data?.clusters ?? [];

  return (
    <section className="duplicates-view" data-testid="duplicates-view" aria-labelledby="duplicates-heading">
      <h1 id="duplicates-heading">{t('duplicates.heading')}</h1>
      <p className="muted">{t('duplicates.explain')}</p>
      {clusters.error && (
        <p className="error" role="alert">
          {errorMessage(clusters.error)}
        </p>
      )}
      {clusters.loading && !clusters.data && <p className="muted">{t('duplicates.loading')}</p>}
      {clusters.data && list.length === 0 && <p className="muted">{t('duplicates.none')}</p>}
      {list.map((cluster) => (
        <ClusterCard key={cluster.id} cluster={cluster} onBulk={(c) => setBulk({ listingIds: c.memberIds, titles: c.titles })} />
      ))}
      {bulk && (
        <BulkDialog
          listingIds={bulk.listingIds}
          titles={bulk.titles}
          initialReason="duplicate"
          onClose={() => {
            setBulk(null);
            clusters.refetch();
          }}
        />
      )}
    </section>
  );
}
