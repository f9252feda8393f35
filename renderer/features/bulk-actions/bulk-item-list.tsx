import { useTranslation } from 'react-i18next';
import type { BulkResult } from '../../../shared/ipc/moderation-views';
import { useErrorMessage } from '../../i18n/error-message';
import { FirstDecision } from '../outbox/outbox-entry-item';

interface BulkItemListProps {
  result: BulkResult;
  testId: string;
  titles?: Readonly<Record<string, string>>;
}

/** Each item's outcome; a refusal says why, translated, and who decided first when someone did. */
export function BulkItemList({ result, testId, titles }: BulkItemListProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const counts = result.results.reduce<Record<string, number>>((all, item) => ({ ...all, [item.outcome]: (all[item.outcome] ?? 0) + 1 }), {});
  return (
    <div data-testid={testId} className="bulk-items">
      <p className="bulk-counts">
        {Object.entries(counts)
          .map(([outcome, count]) => t(`bulk.outcomeCount.${outcome}`, { count }))
          .join(t('queue.listSeparator'))}
      </p>
      <ul>
        {result.results.map((item) => (
          <li key={item.listingId} data-listing-id={item.listingId} data-outcome={item.outcome} className={`bulk-item ${item.outcome}`}>
            <strong>{t(`bulk.outcome.${item.outcome}`)}</strong> {titles?.[item.listingId] ?? item.listingId}
            {item.error && (
              <div className="refusal">
                <span className="error">{errorMessage(item.error)}</span>
                <FirstDecision refusal={item.error} />
              </div>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
