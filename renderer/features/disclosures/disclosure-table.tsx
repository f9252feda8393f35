import { useTranslation } from 'react-i18next';
import type { DisclosureRow } from '../../../shared/ipc/legal-views';
import { useShanghaiTime } from '../../i18n/shanghai-time';
import { DisclosureFlags } from './disclosure-flags';

interface DisclosureTableProps {
  disclosures: DisclosureRow[];
  openedId: string | null;
  onOpen(id: string): void;
}

const columns = ['registerNumber', 'received', 'authority', 'documentNumber', 'flags', 'status', 'outcome', 'amendments'] as const;

/** The register's rows in the core's order; Enter or a click opens an entry. */
export function DisclosureTable({ disclosures, openedId, onOpen }: DisclosureTableProps) {
  const { t } = useTranslation();
  const formatTime = useShanghaiTime();
  return (
    <div className="ticket-scroll">
      <table className="ticket-table disclosure-table" data-testid="disclosure-table" aria-label={t('disclosures.list.label')}>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col">
                {t(`disclosures.list.columns.${column}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {disclosures.map((row) => (
            <tr
              key={row.id}
              tabIndex={0}
              data-testid="disclosure-row"
              aria-current={row.id === openedId ? 'true' : undefined}
              className={`ticket-row${row.id === openedId ? ' opened' : ''}`}
              onClick={() => onOpen(row.id)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' || e.key === ' ') {
                  e.preventDefault();
                  onOpen(row.id);
                }
              }}
            >
              <td className="ticket-number">{row.registerNumber}</td>
              <td className="col-nowrap">{formatTime(row.receivedAt)}</td>
              <td>
                {t(`legal.authorityTypes.${row.authorityType}`)}
                <br />
                <span className="muted">{row.authorityName}</span>
              </td>
              <td>{row.documentNumber}</td>
              <td>
                <DisclosureFlags facts={row} />
              </td>
              <td className="col-nowrap">{t(`legal.statuses.${row.status}`)}</td>
              <td className="col-nowrap">{row.outcome ? t(`legal.outcomes.${row.outcome}`) : '—'}</td>
              <td>{row.amendments > 0 ? t('disclosures.list.amendmentCount', { n: row.amendments }) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
