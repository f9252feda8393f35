import { useTranslation } from 'react-i18next';
import type { DeskError } from '../../../shared/errors';
import { useErrorMessage } from '../../i18n/error-message';

interface CallErrorProps {
  error: DeskError | null;
  /** Names the field a validation path points at, for forms whose paths need their own mapping. */
  fieldLabel?: (path: string) => string | null;
  /**
   * Or the i18n namespace holding the form's field labels: `body.disclosedAt` (the platform) or
   * `input.disclosedAt` (the router) is then named by `${fieldsKey}.disclosedAt`.
   */
  fieldsKey?: string;
}

/** A failed call in words, with the field the core pointed at when there is one, named as the form names it. */
export function CallError({ error, fieldLabel, fieldsKey }: CallErrorProps) {
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  if (!error) return null;
  const byKey = (path: string) => {
    const key = `${fieldsKey}.${path.replace(/^(input|body)\./, '').split('.')[0]}`;
    return fieldsKey && i18n.exists(key) ? t(key) : null;
  };
  const field = error.path ? (fieldLabel?.(error.path) ?? byKey(error.path) ?? error.path) : null;
  return (
    <p className="error" role="alert">
      {errorMessage(error)}
      {field && ` ${t('rights.fieldOfError', { field })}`}
    </p>
  );
}
