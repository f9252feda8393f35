import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatBytes } from '../files/byte-size';
import { MAX_ATTACHMENT_BYTES, readAttachments, type AttachmentRefusal } from './attachment-files';
import type { AttachmentDraft } from './intake-draft';

interface AttachmentPickerProps {
  attachments: AttachmentDraft[];
  onChange(attachments: AttachmentDraft[]): void;
}

/** Files the requester sent (a relative's certificates, a letter): listed by name and size, removable. */
export function AttachmentPicker({ attachments, onChange }: AttachmentPickerProps) {
  const { t } = useTranslation();
  const id = useId();
  const [refused, setRefused] = useState<AttachmentRefusal[]>([]);
  const [reading, setReading] = useState(false);

  const add = async (files: FileList | null) => {
    if (!files || files.length === 0) return;
    setReading(true);
    const result = await readAttachments([...files], attachments.length);
    setReading(false);
    setRefused(result.refused);
    onChange([...attachments, ...result.read]);
  };

  return (
    <div className="intake-field">
      <label htmlFor={`${id}-files`}>{t('rights.intake.fields.attachments')}</label>
      <input
        id={`${id}-files`}
        type="file"
        multiple
        data-testid="attachment-input"
        aria-describedby={`${id}-hint`}
        onChange={(e) => {
          void add(e.target.files);
          e.target.value = '';
        }}
      />
      <p id={`${id}-hint`} className="muted">
        {t('rights.intake.attachmentHint', { size: formatBytes(MAX_ATTACHMENT_BYTES) })}
      </p>
      {reading && <p className="muted">{t('rights.intake.reading')}</p>}
      {refused.length > 0 && (
        <ul className="error" role="alert">
          {refused.map((r) => (
            <li key={r.name}>{t(`rights.intake.attachmentRefused.${r.reason}`, { name: r.name })}</li>
          ))}
        </ul>
      )}
      {attachments.length > 0 && (
        <ul className="attachment-list" data-testid="attachment-list">
          {attachments.map((file, index) => (
            <li key={`${file.name}-${index}`}>
              <span>{file.name}</span> <span className="muted">{formatBytes(file.sizeBytes)}</span>{' '}
              <button type="button" aria-label={t('rights.intake.removeAttachment', { name: file.name })} onClick={() => onChange(attachments.filter((_, i) => i !== index))}>
                {t('rights.intake.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
