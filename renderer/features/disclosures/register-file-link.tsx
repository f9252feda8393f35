import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../shared/ipc/contract';
import type { Disclosure } from '../../../shared/platform/disclosure-entities';
import { useDesk } from '../../desk/desk-context';
import { formatBytes } from '../files/byte-size';
import { CallError } from '../rights-tickets/call-error';
import { useTicketCall } from '../rights-tickets/use-ticket-call';

type RegisterFile = Disclosure['scan'];

/**
 * A file kept with the register, with the SHA-256 the register recorded. Its bytes are fetched
 * only when asked for, since every read is audited; the link saves them as they came.
 */
export function RegisterFileLink({ file, testId }: { file: RegisterFile; testId?: string }) {
  const { t } = useTranslation();
  const desk = useDesk();
  const [fetched, setFetched] = useState<ChannelOutput<'legal:file'> | null>(null);
  const { working, error, run } = useTicketCall();
  const fetchFile = async () => {
    const answer = await run(() => desk.call('legal:file', { fileId: file.id }));
    if (answer) setFetched(answer);
  };
  return (
    <div className="register-file" data-testid={testId ?? 'register-file'}>
      <span>{file.name}</span> <span className="muted">{formatBytes(file.sizeBytes)}</span>{' '}
      {fetched ? (
        <a href={`data:${fetched.mediaType};base64,${fetched.contentBase64}`} download={fetched.name} data-testid="file-download">
          {t('disclosures.files.save', { name: fetched.name })}
        </a>
      ) : (
        <button type="button" disabled={working} onClick={() => void fetchFile()}>
          {working ? t('legal.working') : t('disclosures.files.fetch')}
        </button>
      )}
      <div>
        <span className="muted">SHA-256 </span>
        <code className="sha256" data-testid="file-sha256">
          {file.sha256}
        </code>
      </div>
      {fetched && fetched.sha256 !== file.sha256 && (
        <p className="error" role="alert">
          {t('disclosures.files.hashMismatch', { sha256: fetched.sha256 })}
        </p>
      )}
      <CallError error={error} />
    </div>
  );
}
