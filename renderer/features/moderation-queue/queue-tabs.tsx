import { useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueKind, QueueSummary } from '../../../shared/ipc/moderation-views';
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

/**
 * One tab per queue with its size, the age of its oldest item and how many are overdue. Arrow
 * keys move between tabs (one tab stop for the whole list, as WAI-ARIA tabs do).
 */
export function QueueTabs({ queues, summaries, current, now, panelId, tabId, onSelect }: QueueTabsProps) {
  const { t } = useTranslation();
  const formatAge = useAgeFormat(now);
  const list = useRef<HTMLDivElement>(null);

  const onKeyDown = (event: KeyboardEvent) => {
    const at = queues.indexOf(current);
    const target =
      event.key === 'ArrowRight' ? queues[(at + 1) % queues.length]
      : event.key === 'ArrowLeft' ? queues[(at - 1 + queues.length) % queues.length]
      : event.key === 'Home' ? queues[0]
      : event.key === 'End' ? queues[queues.length - 1]
      : undefined;
    if (!target) return;
    event.preventDefault();
    onSelect(target);
    list.current?.querySelector<HTMLElement>(`#${CSS.escape(tabId(target))}`)?.focus();
  };

  return (
    <div className="queue-tabs" role="tablist" aria-label={t('queues.label')} ref={list} onKeyDown={onKeyDown}>
      {queues.map((queue) => {
        const summary = summaries.find((s) => s.queue === queue);
        const selected = queue === current;
        return (
          <button
            key={queue}
            id={tabId(queue)}
            type="button"
            role="tab"
            data-testid="queue-tab"
            data-queue={queue}
            aria-selected={selected}
            aria-controls={panelId}
            tabIndex={selected ? 0 : -1}
            className={summary && summary.overdue > 0 ? 'queue-tab has-overdue' : 'queue-tab'}
            onClick={() => onSelect(queue)}
          >
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
          </button>
        );
      })}
    </div>
  );
}
