import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuarantineEntry } from '../../../shared/ipc/views';
import { useDeskQuery } from '../../desk/use-desk-query';
import { useErrorMessage } from '../../i18n/error-message';
import { useShanghaiTime } from '../../i18n/shanghai-time';

/**
 * Feed records the console could not accept, kept aside instead of landing in the cache: the
 * platform holds something this console cannot show correctly, and whoever looks into it needs
 * the record's type, id, what was wrong and where. Quiet when there is nothing to report, so a
 * healthy console shows no panel at all.
 */
export function QuarantinePanel() {
  const { t } = useTranslation();
  const headingId = useId();
  const errorMessage = useErrorMessage();
  // Quarantined pages may change nothing else, so the sync's progress is the signal, not only cache:changed.
  const quarantine = useDeskQuery('sync:quarantine', {}, { refetchOn: ['sync:progress', 'cache:changed'] });
  const entries = quarantine.data?.entries ?? [];
  const total = quarantine.data?.total ?? 0;
  // Without an answer there is nothing to investigate; the sync bar still shows the count.
  if (total === 0) return null;
  const open = entries.filter((e) => e.resolvedAt === null).length;

  return (
    <section className="quarantine-panel" data-testid="quarantine-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {t('quarantine.heading')} <span className="muted" data-testid="quarantine-counts">{t('quarantine.counts', { open, total })}</span>
      </h2>
      <p className="muted">{t('quarantine.explanation')}</p>
      {quarantine.error && <p className="error">{errorMessage(quarantine.error)}</p>}
      {entries.length < total && <p className="muted">{t('quarantine.newestOnly', { shown: entries.length, total })}</p>}
      <ul>
        {entries.map((entry) => (
          <QuarantineEntryItem key={entry.id} entry={entry} />
        ))}
      </ul>
    </section>
  );
}

function QuarantineEntryItem({ entry }: { entry: QuarantineEntry }) {
  const { t } = useTranslation();
  const formatTime = useShanghaiTime();
  const type = entry.entityType === null ? t('quarantine.unknownType') : t(`quarantine.entityTypes.${entry.entityType}`, { defaultValue: entry.entityType });
  return (
    <li className="quarantine-entry" data-testid="quarantine-entry" data-entity-id={entry.entityId ?? ''}>
      <div className="quarantine-entry-title">
        <strong>{t('quarantine.record', { type, id: entry.entityId ?? t('quarantine.unknownId') })}</strong>{' '}
        <span className={entry.resolvedAt ? 'quarantine-resolved' : 'quarantine-open'} data-testid="quarantine-state">
          {entry.resolvedAt ? t('quarantine.resolvedAt', { time: formatTime(entry.resolvedAt) }) : t('quarantine.open')}
        </span>
      </div>
      <dl>
        <dt>{t('quarantine.reason')}</dt>
        <dd data-testid="quarantine-reason">{entry.reason}</dd>
        <dt>{t('quarantine.path')}</dt>
        <dd>
          <code data-testid="quarantine-path">{entry.path}</code>
        </dd>
        <dt>{t('quarantine.when')}</dt>
        <dd>{formatTime(entry.quarantinedAt)}</dd>
        <dt>{t('quarantine.preview')}</dt>
        <dd>
          {/* The core already cut it to 300 characters; the page never holds the whole record. */}
          <pre className="quarantine-preview" data-testid="quarantine-preview">
            {entry.preview}
          </pre>
        </dd>
      </dl>
    </li>
  );
}
