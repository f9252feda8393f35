import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatBytes } from '../files/byte-size';
import { readFiles, type FileDraft, type FileRefusal } from '../files/read-files';
import { FieldError } from '../legal-area/form-field';

/** The platform keeps a register file of at most 14 million base64 characters: 10 MB. */
export const MAX_REGISTER_FILE_BYTES = 10 * 1024 * 1024;

interface RegisterFilePickerProps {
  id: string;
  label: string;
  files: FileDraft[];
  /** One for a scan or a receipt (a new choice replaces it), up to 20 for what is produced. */
  maxFiles: number;
  onChange(files: FileDraft[]): void;
  error?: string | null;
  testId: string;
}

/** Files kept with the register: read here, sent as base64, hashed and kept by the platform. */
export function RegisterFilePicker({ id, label, files, maxFiles, onChange, error, testId }: RegisterFilePickerProps) {
  const { t } = useTranslation();
  const [refused, setRefused] = useState<FileRefusal[]>([]);
  const [reading, setReading] = useState(false);
  const single = maxFiles === 1;

  const add = async (chosen: FileList | null) => {
    if (!chosen || chosen.length === 0) return;
    setReading(true);
    const result = await readFiles([...chosen], single ? 0 : files.length, { maxBytes: MAX_REGISTER_FILE_BYTES, maxFiles });
    setReading(false);
    setRefused(result.refused);
    if (result.read.length > 0) onChange(single ? result.read : [...files, ...result.read]);
  };

  return (
    <div className="intake-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="file"
        multiple={!single}
        data-testid={testId}
        aria-invalid={Boolean(error)}
        aria-describedby={error ? `${id}-error ${id}-hint` : `${id}-hint`}
        onChange={(e) => {
          void add(e.target.files);
          e.target.value = '';
        }}
      />
      <p id={`${id}-hint`} className="muted">
        {t('disclosures.files.hint', { size: formatBytes(MAX_REGISTER_FILE_BYTES), n: maxFiles })}
      </p>
      {reading && <p className="muted">{t('disclosures.files.reading')}</p>}
      {refused.length > 0 && (
        <ul className="error" role="alert">
          {refused.map((r) => (
            <li key={r.name}>{t(`disclosures.files.refused.${r.reason}`, { name: r.name, size: formatBytes(MAX_REGISTER_FILE_BYTES), n: maxFiles })}</li>
          ))}
        </ul>
      )}
      {files.length > 0 && (
        <ul className="attachment-list" data-testid={`${testId}-list`}>
          {files.map((file, index) => (
            <li key={`${file.name}-${index}`}>
              <span>{file.name}</span> <span className="muted">{formatBytes(file.sizeBytes)}</span>{' '}
              <button type="button" aria-label={t('disclosures.files.removeFile', { name: file.name })} onClick={() => onChange(files.filter((_, i) => i !== index))}>
                {t('disclosures.files.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <FieldError id={id} error={error} />
    </div>
  );
}
