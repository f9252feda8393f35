import { useTranslation } from 'react-i18next';
import { useDeskQuery } from '../../desk/use-desk-query';
import { useErrorMessage } from '../../i18n/error-message';
import { useShanghaiTime } from '../../i18n/shanghai-time';

/** Every sweep, dry runs included: who ran it, when, and what it deleted, anonymised or left held. */
export function SweepLog() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const formatTime = useShanghaiTime();
  const log = useDeskQuery('retention:sweeps', {}, { refetchOn: ['cache:changed'] });
  const sweeps = log.data?.sweeps ?? [];
  return (
    <section className="sweep-log" aria-labelledby="sweep-log-heading" data-testid="sweep-log">
      <h2 id="sweep-log-heading">{t('retention.log.heading')}</h2>
      {log.error && (
        <p className="error" role="alert">
          {errorMessage(log.error)}
        </p>
      )}
      {log.data && sweeps.length === 0 && <p className="muted">{t('retention.log.empty')}</p>}
      {sweeps.length > 0 && (
        <table className="retention-table" aria-label={t('retention.log.heading')}>
          <thead>
            <tr>
              {(['at', 'staff', 'kind', 'deleted', 'anonymised', 'held', 'listings'] as const).map((column) => (
                <th key={column} scope="col">
                  {t(`retention.log.columns.${column}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {sweeps.map((sweep) => (
              <tr key={sweep.id} data-testid="sweep-row" data-dry-run={sweep.dryRun}>
                <td>{formatTime(sweep.at)}</td>
                <td>{sweep.staffName}</td>
                <td>{t(sweep.dryRun ? 'retention.log.dryRun' : 'retention.log.run')}</td>
                <td>{sweep.deleted}</td>
                <td>{sweep.anonymised}</td>
                <td>{sweep.held}</td>
                <td>
                  <details>
                    <summary>{t('retention.log.listingCount', { n: sweep.listingIds.length })}</summary>
                    <code className="id-list">{sweep.listingIds.join(' ')}</code>
                  </details>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
