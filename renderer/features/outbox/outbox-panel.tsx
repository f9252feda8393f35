import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useDeskQuery } from '../../desk/use-desk-query';
import { useErrorMessage } from '../../i18n/error-message';
import { OutboxEntryItem } from './outbox-entry-item';

/**
 * Decisions on their way to the platform, and the ones it refused. A decision that exists only
 * here is not made yet, so the panel never hides a pending or refused one.
 */
export function OutboxPanel() {
  const { t } = useTranslation();
  const headingId = useId();
  const errorMessage = useErrorMessage();
  const outbox = useDeskQuery('outbox:list', {}, { refetchOn: ['outbox:changed', 'cache:changed'] });
  const entries = outbox.data?.entries ?? [];
  const open = entries.filter((e) => e.state !== 'delivered');
  const delivered = entries.filter((e) => e.state === 'delivered').length;

  return (
    <section className="outbox-panel" data-testid="outbox-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {t('outbox.heading')} <span className="muted">{t('outbox.recentDelivered', { count: delivered })}</span>
      </h2>
      {outbox.error && (
        <p className="error" role="alert">
          {errorMessage(outbox.error)}
        </p>
      )}
      {open.length === 0 ? (
        <p className="muted">{t('outbox.empty')}</p>
      ) : (
        <ul>
          {open.map((entry) => (
            <OutboxEntryItem key={entry.id} entry={entry} onDismissed={outbox.refetch} />
          ))}
        </ul>
      )}
    </section>
  );
}
