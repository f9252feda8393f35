import { createColumnHelper, type ColumnDef } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ModerationQueueRow as QueueRow } from '../../../shared/ipc/moderation-views';
import { useAgeFormat } from './listing-age';
import { usePriceFormat } from './listing-price';

const column = createColumnHelper<QueueRow>();

/** The queue's columns; cells are plain text except the title, which is the row's focusable handle. */
export function useQueueColumns(now: number): ColumnDef<QueueRow>[] {
  const { t, i18n } = useTranslation();
  const formatPrice = usePriceFormat();
  const formatAge = useAgeFormat(now);
  return useMemo(
    () =>
      [
        column.accessor('title', {
          header: () => t('queue.columns.title'),
          cell: (info) => (
            <button type="button" className="row-handle" title={info.getValue()}>
              {info.getValue()}
            </button>
          ),
          meta: { className: 'col-title' },
        }),
        column.accessor('category', {
          header: () => t('queue.columns.category'),
          cell: (info) => t(`categories.${info.getValue()}`),
          meta: { className: 'col-category' },
        }),
        column.accessor('district', {
          header: () => t('queue.columns.district'),
          meta: { className: 'col-district' },
        }),
        column.accessor('priceFen', {
          header: () => t('queue.columns.price'),
          cell: (info) => formatPrice(info.getValue(), info.row.original.priceUnit),
          meta: { className: 'col-price' },
        }),
        column.accessor('createdAt', {
          header: () => t('queue.columns.age'),
          cell: (info) => formatAge(info.getValue()),
          meta: { className: 'col-age' },
        }),
        column.accessor('reportCount', {
          header: () => t('queue.columns.reports'),
          meta: { className: 'col-reports' },
        }),
      ] as ColumnDef<QueueRow>[],
    // formatPrice/formatAge are new each render; the language and the clock are what they depend on.
    [t, i18n.language, now],
  );
}

export const columnClass = (meta: unknown): string | undefined =>
  typeof meta === 'object' && meta !== null && 'className' in meta && typeof meta.className === 'string' ? meta.className : undefined;
