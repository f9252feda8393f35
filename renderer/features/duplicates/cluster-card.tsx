import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../shared/ipc/contract';
import { useIsSenior } from '../../app/staff-context';
import { useErrorMessage } from '../../i18n/error-message';
import { usePriceFormat } from '../moderation-queue/listing-price';
import { TextComparison } from './text-comparison';
import { useClusterMembers } from './use-cluster-members';
import { MaskedPhone } from '../reveal/masked-phone';

type Cluster = ChannelOutput<'moderation:clusters'>['clusters'][number];

interface ClusterCardProps {
  cluster: Cluster;
  onBulk(cluster: Cluster): void;
}

/** A near-duplicate cluster: why it is one, its members side by side, and a bulk action on all of them. */
export function ClusterCard({ cluster, onBulk }: ClusterCardProps) {
  const { t } = useTranslation();
  const id = useId();
  const senior = useIsSenior();
  const errorMessage = useErrorMessage();
  const formatPrice = usePriceFormat();
  const [open, setOpen] = useState(false);
  const { members, error } = useClusterMembers(cluster.memberIds, open);
  const base = members?.[0] ?? null;

  return (
    <article className="cluster" data-testid="cluster" data-cluster-id={cluster.id} aria-labelledby={`${id}-title`}>
      <header className="cluster-header">
        <h2 id={`${id}-title`}>{t('duplicates.clusterTitle', { count: cluster.memberIds.length })}</h2>
        <span>{cluster.reasons.map((r) => t(`duplicates.reasons.${r}`)).join(t('queue.listSeparator'))}</span>
        <span className="muted">{t('duplicates.similarity', { percent: Math.round(cluster.similarity * 100) })}</span>
        <button type="button" aria-expanded={open} aria-controls={`${id}-members`} onClick={() => setOpen((o) => !o)}>
          {open ? t('duplicates.hide') : t('duplicates.compare')}
        </button>
        {senior && (
          <button type="button" className="primary" data-testid="bulk-button" onClick={() => onBulk(cluster)}>
            {t('duplicates.bulk')}
          </button>
        )}
      </header>
      <div id={`${id}-members`}>
        {open && error && <p className="error">{errorMessage(error)}</p>}
        {open && !members && !error && <p className="muted">{t('duplicates.loading')}</p>}
        {open && members && (
          <div className="cluster-members" data-testid="cluster-members">
            {members.map((member, n) => (
              <section key={member.id} className="cluster-member" data-listing-id={member.id} aria-label={member.title}>
                <p className="muted">{n === 0 ? t('duplicates.base') : t('duplicates.comparedToBase')}</p>
                <h3>
                  <TextComparison base={n === 0 ? null : (base?.title ?? null)} text={member.title} />
                </h3>
                <p>
                  {formatPrice(member.priceFen, member.priceUnit)} · <MaskedPhone masked={member.contactPhoneMasked} subjectType="listing" subjectId={member.id} /> · {member.district}
                </p>
                <p className="listing-body">
                  <TextComparison base={n === 0 ? null : (base?.body ?? null)} text={member.body} />
                </p>
                <p className="muted">
                  {member.id} · {t(`listingStatuses.${member.status}`)}
                </p>
              </section>
            ))}
          </div>
        )}
      </div>
    </article>
  );
}
