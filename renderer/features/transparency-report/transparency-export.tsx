import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../shared/ipc/contract';
import { useDesk } from '../../desk/desk-context';
import { fileHref } from '../rights-tickets/access-package-panel';
import { CallError } from '../rights-tickets/call-error';
import { useTicketCall } from '../rights-tickets/use-ticket-call';

const formats = ['csv', 'html'] as const;
type ExportFormat = (typeof formats)[number];

/**
 * The report as a file: CSV for a spreadsheet, HTML ready to print or save as PDF. Made by the
 * core for the chosen period and offered as a link; nothing is written to disk until saved.
 */
export function TransparencyExport({ year, quarter }: { year: number; quarter: number | null }) {
  const { t } = useTranslation();
  const desk = useDesk();
  const [files, setFiles] = useState<Partial<Record<ExportFormat, ChannelOutput<'legal:transparencyExport'>>>>({});
  const { working, error, run } = useTicketCall();

  const make = async (format: ExportFormat) => {
    const file = await run(() => desk.call('legal:transparencyExport', { year, quarter, format }));
    if (file) setFiles((f) => ({ ...f, [format]: file }));
  };

  return (
    <section className="transparency-export" aria-labelledby="transparency-export-heading" data-testid="transparency-export">
      <h2 id="transparency-export-heading">{t('transparency.export.heading')}</h2>
      <div className="decision-buttons">
        {formats.map((format) => (
          <button key={format} type="button" data-testid={`export-${format}`} disabled={working} onClick={() => void make(format)}>
            {t(`transparency.export.${format}`)}
          </button>
        ))}
      </div>
      <ul className="package-files">
        {formats.map((format) => {
          const file = files[format];
          return file ? (
            <li key={format}>
              <a href={fileHref(file)} download={file.name} data-testid={`download-${format}`}>
                {t('transparency.export.download', { name: file.name })}
              </a>
              {format === 'html' && <p className="muted">{t('transparency.export.printHint')}</p>}
            </li>
          ) : null;
        })}
      </ul>
      <CallError error={error} />
    </section>
  );
}
