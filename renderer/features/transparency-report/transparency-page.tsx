import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TransparencyReport } from '../../../shared/ipc/legal-views';
import { useDeskQuery } from '../../desk/use-desk-query';
import { useErrorMessage } from '../../i18n/error-message';
import { BarChart } from '../dashboard/bar-chart';
import { shanghaiToday } from '../legal-area/legal-dates';
import { TransparencyExport } from './transparency-export';

/** The first year the register was kept; the contract accepts no earlier. */
const FIRST_YEAR = 2020;
const counts = ['requests', 'accountsSpecified', 'emergency', 'preservation', 'refused', 'noneFound', 'noNotify', 'foreign'] as const;

/**
 * The transparency report: what authorities asked of the platform in a year or a quarter, and
 * how it answered. Counted by the core from the register as amended, by the date received.
 */
export function TransparencyPage() {
  const { t } = useTranslation();
  const id = useId();
  const errorMessage = useErrorMessage();
  const thisYear = Number(shanghaiToday().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const [quarter, setQuarter] = useState<number | null>(null);
  const report = useDeskQuery('legal:transparency', { year, quarter }, { refetchOn: ['cache:changed'] });
  const years = Array.from({ length: thisYear - FIRST_YEAR + 1 }, (_, i) => thisYear - i);

  return (
    <section className="dashboard transparency-report" aria-labelledby={`${id}-heading`} data-testid="transparency-report">
      <h1 id={`${id}-heading`}>{t('transparency.heading')}</h1>
      <div className="ticket-filters transparency-period">
        <label htmlFor={`${id}-year`}>{t('transparency.year')}</label>
        <select id={`${id}-year`} value={year} onChange={(e) => setYear(Number(e.target.value))}>
          {years.map((y) => (
            <option key={y} value={y}>
              {t('transparency.yearValue', { year: y })}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-quarter`}>{t('transparency.quarter')}</label>
        <select id={`${id}-quarter`} value={quarter ?? ''} onChange={(e) => setQuarter(e.target.value ? Number(e.target.value) : null)}>
          <option value="">{t('transparency.wholeYear')}</option>
          {[1, 2, 3, 4].map((q) => (
            <option key={q} value={q}>
              {t('transparency.quarterValue', { n: q })}
            </option>
          ))}
        </select>
      </div>
      {report.error && (
        <p className="error" role="alert">
          {errorMessage(report.error)}
        </p>
      )}
      {!report.data && !report.error && <p className="muted">{t('transparency.loading')}</p>}
      {report.data && <ReportFigures report={report.data} />}
      <TransparencyExport key={`${year}-${quarter}`} year={year} quarter={quarter} />
    </section>
  );
}

function ReportFigures({ report }: { report: TransparencyReport }) {
  const { t } = useTranslation();
  const share = report.producedShare;
  return (
    <>
      <dl className="dashboard-stats" data-testid="transparency-figures">
        {counts.map((key) => (
          <div key={key}>
            <dt>{t(`transparency.figures.${key}`)}</dt>
            <dd data-testid={`figure-${key}`}>{report[key]}</dd>
          </div>
        ))}
        <div>
          <dt>{t('transparency.figures.producedShare')}</dt>
          <dd data-testid="figure-producedShare">{share === null ? t('transparency.notApplicable') : t('transparency.percent', { value: Math.round(share * 1000) / 10 })}</dd>
        </div>
      </dl>
      {/* One series: stacking accounts on requests would add unlike things; the table below gives both. */}
      <BarChart
        title={t('transparency.byAuthority')}
        xHeader={t('transparency.authorityType')}
        xLabels={report.byAuthorityType.map((row) => t(`legal.authorityTypes.${row.authorityType}`))}
        series={[{ label: t('transparency.requests'), values: report.byAuthorityType.map((row) => row.requests) }]}
      />
      <table className="steps-table authority-table" data-testid="authority-table">
        <caption className="visually-hidden">{t('transparency.byAuthority')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('transparency.authorityType')}</th>
            <th scope="col">{t('transparency.requests')}</th>
            <th scope="col">{t('transparency.accounts')}</th>
          </tr>
        </thead>
        <tbody>
          {report.byAuthorityType.map((row) => (
            <tr key={row.authorityType}>
              <th scope="row">{t(`legal.authorityTypes.${row.authorityType}`)}</th>
              <td>{row.requests}</td>
              <td>{row.accounts}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
