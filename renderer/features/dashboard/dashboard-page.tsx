import { useTranslation } from 'react-i18next';
import type { ModerationDashboard } from '../../../shared/ipc/moderation-views';
import { useDeskQuery } from '../../desk/use-desk-query';
import { currentLanguage } from '../../i18n/desk-i18n';
import { useErrorMessage } from '../../i18n/error-message';
import { DISPLAY_TIME_ZONE } from '../../i18n/shanghai-time';
import { BarChart } from './bar-chart';
import { LineChart } from './line-chart';

/** Decisions per moderator per day as stacked-bar series: days in order, one series per moderator. */
export function decisionSeries(rows: ModerationDashboard['decisionsPerModerator']) {
  const days = [...new Set(rows.map((r) => r.day))].sort();
  const names = [...new Set(rows.map((r) => r.staffName))].sort((a, b) => a.localeCompare(b, 'zh-CN'));
  const series = names.map((name) => ({
    label: name,
    values: days.map((day) => rows.filter((r) => r.day === day && r.staffName === name).reduce((sum, r) => sum + r.count, 0)),
  }));
  return { days, series };
}

export function DashboardPage() {
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  const dashboard = useDeskQuery('moderation:dashboard', {}, { refetchOn: ['cache:changed'] });
  const language = currentLanguage(i18n);
  const timeLabel = new Intl.DateTimeFormat(language, { timeZone: DISPLAY_TIME_ZONE, month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });
  const dayLabel = (day: string) => day.slice(5).replace('-', '/');
  const data = dashboard.data;

  return (
    <section className="dashboard" data-testid="dashboard" aria-labelledby="dashboard-heading">
      <h1 id="dashboard-heading">{t('dashboard.heading')}</h1>
      {dashboard.error && (
        <p className="error" role="alert">
          {errorMessage(dashboard.error)}
        </p>
      )}
      {!data && !dashboard.error && <p className="muted">{t('dashboard.loading')}</p>}
      {data && (
        <>
          <dl className="dashboard-stats">
            <div>
              <dt>{t('dashboard.reversalRate')}</dt>
              <dd data-testid="reversal-rate">
                {data.appeals.reversalRate === null ? t('dashboard.noData') : t('dashboard.percent', { value: Math.round(data.appeals.reversalRate * 1000) / 10 })}
              </dd>
              <dd className="muted">{t('dashboard.appealsDecided', { decided: data.appeals.decided, overturned: data.appeals.overturned })}</dd>
            </div>
            <div>
              <dt>{t('dashboard.medianTime')}</dt>
              <dd data-testid="median-time">
                {data.medianHoursInQueue === null ? t('dashboard.noData') : t('dashboard.hours', { value: Math.round(data.medianHoursInQueue * 10) / 10 })}
              </dd>
            </div>
          </dl>
          <LineChart
            title={t('dashboard.queueSizes')}
            xHeader={t('dashboard.time')}
            xLabels={data.queueSizes.map((p) => timeLabel.format(new Date(p.at)))}
            series={data.queues.map((queue) => ({ label: t(`queues.${queue}`), values: data.queueSizes.map((p) => p.sizes[queue] ?? 0) }))}
          />
          {(() => {
            const { days, series } = decisionSeries(data.decisionsPerModerator);
            return <BarChart title={t('dashboard.decisionsPerModerator')} xHeader={t('dashboard.day')} xLabels={days.map(dayLabel)} series={series} />;
          })()}
        </>
      )}
    </section>
  );
}
