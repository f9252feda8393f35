import { useTranslation } from 'react-i18next';
import type { DeskError } from '../../../shared/errors';
import { useErrorMessage } from '../../i18n/error-message';

/** A failed call in words, with the field the core pointed at when there is one. */
export function CallError({ error, fieldLabel }: { error: DeskError | null; fieldLabel?: (path: string) => string | null }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  if (!error) return null;
  const field = error.path ? (fieldLabel?.(error.path) ?? error.path) : null;
  return (
    <p className="error" role="alert">
      {errorMessage(error)}
      {field && ` ${t('rights.fieldOfError', { field })}`}
    </p>
  );
}
