import { useTranslation } from 'react-i18next';
import { useDeskQuery } from '../../desk/use-desk-query';
import { useErrorMessage } from '../../i18n/error-message';
import { BarChart } from '../dashboard/bar-chart';
import { LineChart } from '../dashboard/line-chart';
import { openTicketSeries, parseWeek } from './open-ticket-series';

/** How customer service keeps the statutory deadlines: what is open, what is due, how fast and how punctually. */
export function RightsDashboardPage() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const dashboard = useDeskQuery('rights:dashboard', {}, { refetchOn: ['cache:changed'] });
  const data = dashboard.data;
  const noData = t('rightsDashboard.noData');

  return (
    <section className="dashboard rights-dashboard" data-testid="rights-dashboard" aria-labelledby="rights-dashboard-heading">
      <h1 id="rights-dashboard-heading">{t('rightsDashboard.heading')}</h1>
      {dashboard.error && (
        <p className="error" role="alert">
          {errorMessage(dashboard.error)}
        </p>
      )}
      {!data && !dashboard.error && <p className="muted">{t('rightsDashboard.loading')}</p>}
      {data && (
        <>
          <dl className="dashboard-stats">
            <div>
              <dt>{t('rightsDashboard.dueThisWeek')}</dt>
              <dd data-testid="due-this-week">{data.dueThisWeek}</dd>
            </div>
            <div className={data.overdue > 0 ? 'stat-alert' : undefined}>
              <dt>{t('rightsDashboard.overdue')}</dt>
              <dd data-testid="overdue-count">{data.overdue}</dd>
            </div>
            <div>
              <dt>{t('rightsDashboard.medianDays')}</dt>
              <dd data-testid="median-days">{data.medianDaysToComplete === null ? noData : t('rightsDashboard.days', { value: Math.round(data.medianDaysToComplete * 10) / 10 })}</dd>
            </div>
            <div>
              <dt>{t('rightsDashboard.onTimeRate')}</dt>
              <dd data-testid="on-time-rate">{data.onTimeRate === null ? noData : t('rightsDashboard.percent', { value: Math.round(data.onTimeRate * 1000) / 10 })}</dd>
            </div>
          </dl>
          {(() => {
            const { types, states } = openTicketSeries(data.openByTypeAndState);
            return types.length === 0 ? (
              <p className="muted">{t('rightsDashboard.noneOpen')}</p>
            ) : (
              <BarChart
                title={t('rightsDashboard.openByTypeAndState')}
                xHeader={t('rightsDashboard.type')}
                xLabels={types.map((type) => t(`rightsTypes.${type}`))}
                series={states.map(({ state, values }) => ({ label: t(`ticketStates.${state}`), values }))}
              />
            );
          })()}
          <LineChart
            title={t('rightsDashboard.receivedPerWeek')}
            xHeader={t('rightsDashboard.week')}
            xLabels={data.receivedPerWeek.map((p) => {
              const week = parseWeek(p.week);
              if (!week) return p.week;
              return 'monday' in week ? t('rightsDashboard.weekOf', { date: week.monday.slice(5).replace('-', '/') }) : t('rightsDashboard.weekLabel', week);
            })}
            series={[{ label: t('rightsDashboard.received'), values: data.receivedPerWeek.map((p) => p.count) }]}
          />
        </>
      )}
    </section>
  );
}
