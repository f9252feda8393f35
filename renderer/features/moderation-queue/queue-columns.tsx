import { createColumnHelper, type ColumnDef } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ModerationQueueRow, QueueKind } from '../../../shared/ipc/moderation-views';
import { useAgeFormat } from './listing-age';
import { usePriceFormat } from './listing-price';

const column = createColumnHelper<ModerationQueueRow>();

/**
 * The queue's columns; cells are plain text except the title, which is the row's focusable
 * handle. Reported rows add their reports and reasons, auto-flagged rows their flag kinds.
 */
export function useQueueColumns(queue: QueueKind, now: number): ColumnDef<ModerationQueueRow>[] {
  const { t, i18n } = useTranslation();
  const formatPrice = usePriceFormat();
  const formatAge = useAgeFormat(now);
  return useMemo(() => {
    const reportReason = (reason: string) => t(`reportReasons.${reason}`, { defaultValue: reason });
    const base = [
      column.accessor('title', {
        header: () => t('queue.columns.title'),
        cell: (info) => {
          const claim = info.row.original.claim;
          return (
            <>
              {claim && !claim.mine && (
                <span className="claim-lock" data-testid="claim-lock">
                  {t('queue.claimedBy', { name: claim.holderName })}
                </span>
              )}
              <button type="button" className="row-handle" title={info.getValue()}>
                {info.getValue()}
              </button>
            </>
          );
        },
        meta: { className: 'col-title' },
      }),
      column.accessor('category', {
        header: () => t('queue.columns.category'),
        cell: (info) => t(`categories.${info.getValue()}`),
        meta: { className: 'col-category' },
      }),
      column.accessor('district', { header: () => t('queue.columns.district'), meta: { className: 'col-district' } }),
      column.accessor('priceFen', {
        header: () => t('queue.columns.price'),
        cell: (info) => formatPrice(info.getValue(), info.row.original.priceUnit),
        meta: { className: 'col-price' },
      }),
      column.accessor('queuedAt', {
        header: () => t('queue.columns.age'),
        cell: (info) => (
          <>
            {formatAge(info.getValue())}
            {info.row.original.overdue && <span className="overdue-badge">{t('queue.overdue')}</span>}
          </>
        ),
        meta: { className: 'col-age' },
      }),
    ];
    const extra =
      queue === 'reported'
        ? column.accessor('reportReasons', {
            header: () => t('queue.columns.reportReasons'),
            cell: (info) => t('queue.reportSummary', { count: info.row.original.reportCount, reasons: info.getValue().map(reportReason).join(t('queue.listSeparator')) }),
            meta: { className: 'col-signals' },
          })
        : queue === 'flagged'
          ? column.accessor('flags', {
              header: () => t('queue.columns.flags'),
              cell: (info) => info.getValue().map((kind) => t(`flagKinds.${kind}`)).join(t('queue.listSeparator')),
              meta: { className: 'col-signals' },
            })
          : column.accessor('reportCount', { header: () => t('queue.columns.reports'), meta: { className: 'col-reports' } });
    return [...base, extra] as ColumnDef<ModerationQueueRow>[];
    // formatPrice/formatAge are new each render; the language, the queue and the clock are what they depend on.
  }, [t, i18n.language, now, queue]);
}

export const columnClass = (meta: unknown): string | undefined =>
  typeof meta === 'object' && meta !== null && 'className' in meta && typeof meta.className === 'string' ? meta.className : undefined;
