import { useTranslation } from 'react-i18next';
import type { RetentionItem } from '../../../shared/platform/rights-entities';
import { useShanghaiTime } from '../../i18n/shanghai-time';
import { useCalendarDate } from '../rights-tickets/calendar-date';

/**
 * Listings past their display period. A held one says only that a legal hold keeps it: what the
 * hold is and who asked for it stay with legal staff.
 */
export function RetentionTable({ items }: { items: RetentionItem[] }) {
  const { t } = useTranslation();
  const formatDate = useCalendarDate();
  const formatTime = useShanghaiTime();
  return (
    <table className="retention-table" data-testid="retention-table" aria-label={t('retention.tableLabel')}>
      <thead>
        <tr>
          {(['listingId', 'title', 'displayUntil', 'dueOn', 'state', 'outcome'] as const).map((column) => (
            <th key={column} scope="col">
              {t(`retention.columns.${column}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr key={item.listingId} data-testid="retention-row" data-state={item.state}>
            <td>
              <code>{item.listingId}</code>
            </td>
            <td>{item.title}</td>
            <td>{formatDate(item.displayUntil)}</td>
            <td>{formatDate(item.dueOn)}</td>
            <td>{item.state === 'held' ? t('retention.heldBy.legal_hold') : t(`retention.states.${item.state}`)}</td>
            <td>
              {item.outcome ? t(`stepOutcomes.${item.outcome}`) : '—'}
              {item.doneAt && <span className="muted"> · {formatTime(item.doneAt)}</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
