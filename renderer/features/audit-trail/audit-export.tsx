import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../shared/ipc/contract';
import { useDesk } from '../../desk/desk-context';
import { fileHref } from '../rights-tickets/access-package-panel';
import { CallError } from '../rights-tickets/call-error';
import { useTicketCall } from '../rights-tickets/use-ticket-call';

const isSeq = (text: string) => /^[1-9]\d{0,14}$/.test(text.trim());

/**
 * A range of the trail as a file for an auditor. The file carries each event's hashes, so it can
 * be checked away from the console with verify-audit-export.mjs; the export is itself audited.
 */
export function AuditExport() {
  const { t } = useTranslation();
  const desk = useDesk();
  const id = useId();
  const [fromSeq, setFromSeq] = useState('1');
  const [toSeq, setToSeq] = useState('');
  const [problem, setProblem] = useState(false);
  const [file, setFile] = useState<ChannelOutput<'audit:export'> | null>(null);
  const { working, error, run } = useTicketCall();
  const to = toSeq;

  const exportRange = async (event: FormEvent) => {
    event.preventDefault();
    if (!isSeq(fromSeq) || !isSeq(to) || Number(fromSeq) > Number(to)) return setProblem(true);
    setProblem(false);
    setFile(null);
    const made = await run(() => desk.call('audit:export', { fromSeq: Number(fromSeq), toSeq: Number(to) }));
    if (made) setFile(made);
  };

  return (
    <section className="audit-export" aria-labelledby={`${id}-heading`} data-testid="audit-export">
      <h2 id={`${id}-heading`}>{t('audit.export.heading')}</h2>
      <form className="audit-filters" onSubmit={(e) => void exportRange(e)} noValidate>
        <label>
          {t('audit.export.fromSeq')}
          <input inputMode="numeric" value={fromSeq} data-testid="audit-export-from" aria-invalid={problem} onChange={(e) => setFromSeq(e.target.value)} />
        </label>
        <label>
          {t('audit.export.toSeq')}
          <input inputMode="numeric" value={to} data-testid="audit-export-to" aria-invalid={problem} onChange={(e) => setToSeq(e.target.value)} />
        </label>
        <button type="submit" data-testid="audit-export-button" disabled={working}>
          {t('audit.export.button')}
        </button>
      </form>
      {problem && (
        <p className="error" role="alert">
          {t('audit.export.badRange')}
        </p>
      )}
      {file && (
        <p>
          <a href={fileHref(file)} download={file.name} data-testid="audit-export-download">
            {t('audit.export.download', { name: file.name })}
          </a>
        </p>
      )}
      <p className="muted">{t('audit.export.verifyHint', { script: 'verify-audit-export.mjs' })}</p>
      <CallError error={error} />
    </section>
  );
}
