import { useTranslation } from 'react-i18next';
import type { DeskError } from '../../shared/errors';

/** Errors are shown by their code, never by their message or a stack. */
export function useErrorMessage(): (error: DeskError) => string {
  const { t } = useTranslation();
  return (error) => t(`errors.${error.code}`, { defaultValue: t('errors.internal') });
}
