import { useTranslation } from 'react-i18next';
import type { ListingReport } from '../../../shared/platform/entities';
import { useShanghaiTime } from '../../i18n/shanghai-time';

export function ReportList({ reports }: { reports: ListingReport[] }) {
  const { t } = useTranslation();
  const formatTime = useShanghaiTime();
  if (reports.length === 0) return <p className="muted">{t('detail.noReports')}</p>;
  return (
    <ul className="reports">
      {reports.map((report) => (
        <li key={report.id}>
          <strong>{t(`reportReasons.${report.reason}`)}</strong>
          {report.note && <span className="report-note">{report.note}</span>}
          <time dateTime={report.createdAt}>{formatTime(report.createdAt)}</time>
        </li>
      ))}
    </ul>
  );
}
