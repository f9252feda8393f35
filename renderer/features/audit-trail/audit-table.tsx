import { createColumnHelper, flexRender, getCoreRowModel, useReactTable } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditRow } from '../../../shared/ipc/governance-views';
import { useShanghaiTime } from '../../i18n/shanghai-time';
import { useAuditActionLabel } from './audit-actions';

const column = createColumnHelper<AuditRow>();

/** The longest detail shown in the row; the whole of it is in the cell's title. */
const DETAIL_CHARS = 160;

/** An event's detail as one line of key=value pairs, as recorded (it is evidence, so not reworded). */
export function detailSummary(detail: AuditRow['detail']): string {
  return Object.entries(detail)
    .filter(([, value]) => value !== undefined && value !== null)
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(' · ');
}

/** One page of the trail in sequence order, with times in Guangzhou and actions in words. */
export function AuditTable({ events }: { events: AuditRow[] }) {
  const { t, i18n } = useTranslation();
  const formatTime = useShanghaiTime();
  const actionLabel = useAuditActionLabel();

  const columns = useMemo(
    () => [
      column.accessor('seq', { header: () => t('audit.columns.seq'), cell: (info) => <code>{info.getValue()}</code> }),
      column.accessor('at', {
        header: () => t('audit.columns.at'),
        cell: (info) => <time dateTime={info.getValue()}>{formatTime(info.getValue())}</time>,
      }),
      column.accessor((row) => row.staffName ?? row.staffId, {
        id: 'staff',
        header: () => t('audit.columns.staff'),
        cell: (info) => info.getValue() ?? <span className="muted">{t('audit.system')}</span>,
      }),
      column.accessor('action', {
        header: () => t('audit.columns.action'),
        cell: (info) => {
          const { label, known } = actionLabel(info.getValue());
          return known ? (
            <>
              {label}
              <br />
              <code className="muted">{info.getValue()}</code>
            </>
          ) : (
            <code>{label}</code>
          );
        },
      }),
      column.accessor('subject', { header: () => t('audit.columns.subject'), cell: (info) => (info.getValue() ? <code>{info.getValue()}</code> : '—') }),
      column.accessor((row) => detailSummary(row.detail), {
        id: 'detail',
        header: () => t('audit.columns.detail'),
        cell: (info) => {
          const text = info.getValue();
          return (
            <span className="audit-detail" title={text.length > DETAIL_CHARS ? text : undefined}>
              {text.length > DETAIL_CHARS ? `${text.slice(0, DETAIL_CHARS)}…` : text || '—'}
            </span>
          );
        },
      }),
    ],
    // Labels and times follow the interface language.
    [i18n.language],
  );
  const table = useReactTable({ data: events, columns, getCoreRowModel: getCoreRowModel(), getRowId: (row) => String(row.seq) });

  return (
    <table className="audit-table" data-testid="audit-table" aria-label={t('audit.tableLabel')}>
      <thead>
        {table.getHeaderGroups().map((group) => (
          <tr key={group.id}>
            {group.headers.map((header) => (
              <th key={header.id} scope="col">
                {flexRender(header.column.columnDef.header, header.getContext())}
              </th>
            ))}
          </tr>
        ))}
      </thead>
      <tbody>
        {table.getRowModel().rows.map((row) => (
          <tr key={row.id} data-testid="audit-row" data-seq={row.original.seq}>
            {row.getVisibleCells().map((cell) => (
              <td key={cell.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
