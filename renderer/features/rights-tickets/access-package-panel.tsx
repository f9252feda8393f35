import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { AccessPackage, RightsTicketDetail } from '../../../shared/ipc/rights-views';
import type { RightsTicket } from '../../../shared/platform/rights-entities';
import { useDesk } from '../../desk/desk-context';
import { useShanghaiTime } from '../../i18n/shanghai-time';
import { formatBytes } from '../files/byte-size';
import { CallError } from './call-error';
import { useTicketCall } from './use-ticket-call';

type PackageFile = z.infer<typeof AccessPackage>['files'][number];

interface AccessPackagePanelProps {
  ticket: RightsTicket;
  canAct: boolean;
  onChanged(detail: RightsTicketDetail): void;
}

/** A file's text as a download link; nothing is written to disk until the agent saves it. */
export function fileHref(file: Pick<PackageFile, 'mediaType' | 'content'>): string {
  const type = /charset=/i.test(file.mediaType) ? file.mediaType : `${file.mediaType};charset=utf-8`;
  return `data:${type},${encodeURIComponent(file.content)}`;
}

const byteLength = (text: string) => new TextEncoder().encode(text).length;

/**
 * An access request is answered with a package of the user's data (readable HTML and JSON).
 * Its SHA-256 is recorded on the ticket; the files themselves live only in this view.
 */
export function AccessPackagePanel({ ticket, canAct, onChanged }: AccessPackagePanelProps) {
  const { t } = useTranslation();
  const desk = useDesk();
  const id = useId();
  const formatTime = useShanghaiTime();
  const [files, setFiles] = useState<{ sha256: string; files: PackageFile[] } | null>(null);
  const { working, error, run } = useTicketCall();
  if (ticket.type !== 'access' || !(ticket.state === 'approved' || ticket.state === 'completed' || ticket.accessPackage)) return null;
  const recorded = ticket.accessPackage;

  const generate = async () => {
    const answer = await run(() => desk.call('rights:accessPackage', { ticketId: ticket.id, basedOnVersion: ticket.version }));
    if (!answer) return;
    setFiles({ sha256: answer.sha256, files: answer.files });
    onChanged(answer.detail);
  };

  return (
    <section className="ticket-section" aria-labelledby={`${id}-heading`} data-testid="access-package">
      <h3 id={`${id}-heading`}>{t('rights.accessPackage.heading')}</h3>
      {recorded && !files && (
        <p>
          {t('rights.accessPackage.recorded', { time: formatTime(recorded.createdAt) })} <code className="sha256">{recorded.sha256}</code>
        </p>
      )}
      {recorded && !files && canAct && <p className="muted">{t('rights.accessPackage.regenerateHint')}</p>}
      {canAct && (
        <button type="button" className="primary" data-testid="generate-package" disabled={working} onClick={() => void generate()}>
          {working ? t('rights.working') : t(recorded ? 'rights.accessPackage.regenerate' : 'rights.accessPackage.generate')}
        </button>
      )}
      <CallError error={error} />
      {files && (
        <div data-testid="package-files">
          <p>
            {t('rights.accessPackage.sha256')} <code className="sha256" data-testid="package-sha256">{files.sha256}</code>
          </p>
          <ul className="package-files">
            {files.files.map((file) => (
              <li key={file.name}>
                <a href={fileHref(file)} download={file.name}>
                  {t('rights.accessPackage.download', { name: file.name })}
                </a>{' '}
                <span className="muted">
                  {file.mediaType} · {formatBytes(byteLength(file.content))}
                </span>
                <br />
                <code className="sha256">{file.sha256}</code>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
