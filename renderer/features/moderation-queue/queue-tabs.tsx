import { useTranslation } from 'react-i18next';
import type { QueueKind, QueueSummary } from '../../../shared/ipc/moderation-views';
import { TabList } from '../tabs/tab-list';
import { useAgeFormat } from './listing-age';

interface QueueTabsProps {
  queues: readonly QueueKind[];
  summaries: QueueSummary[];
  current: QueueKind;
  now: number;
  panelId: string;
  tabId(queue: QueueKind): string;
  onSelect(queue: QueueKind): void;
}

/** One tab per queue with its size, the age of its oldest item and how many are overdue. */
export function QueueTabs({ queues, summaries, current, now, panelId, tabId, onSelect }: QueueTabsProps) {
  const { t } = useTranslation();
  const formatAge = useAgeFormat(now);
  const summaryOf = (queue: QueueKind) => summaries.find((s) => s.queue === queue);

  return (
    <TabList<QueueKind>
      listClassName="queue-tabs"
      label={t('queues.label')}
      tabs={queues}
      current={current}
      tabId={tabId}
      panelId={panelId}
      onSelect={onSelect}
      tabProps={(queue) => {
        const summary = summaryOf(queue);
        return { 'data-testid': 'queue-tab', 'data-queue': queue, className: summary && summary.overdue > 0 ? 'queue-tab has-overdue' : 'queue-tab' };
      }}
      tabLabel={(queue) => {
        const summary = summaryOf(queue);
        return (
          <>
            <span className="queue-tab-name">{t(`queues.${queue}`)}</span>
            <span className="queue-tab-size" data-testid="queue-size">
              {summary ? summary.size : '…'}
            </span>
            {summary?.oldestAt && <span className="queue-tab-oldest">{t('queues.oldest', { age: formatAge(summary.oldestAt) })}</span>}
            {summary && summary.overdue > 0 && (
              <span className="queue-tab-overdue" data-testid="queue-overdue">
                {t('queues.overdue', { count: summary.overdue, hours: summary.targetHours })}
              </span>
            )}
          </>
        );
      }}
    />
  );
}
