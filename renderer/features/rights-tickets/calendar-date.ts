import { useTranslation } from 'react-i18next';
import { currentLanguage, type Language } from '../../i18n/desk-i18n';

/**
 * Due dates, display ends and retention dates are civil dates ('YYYY-MM-DD') already on the
 * Guangzhou calendar: they are shown as they are, never shifted through a time zone.
 */
const formatters = new Map<Language, Intl.DateTimeFormat>();

export function formatCalendarDate(date: string, language: Language): string {
  let formatter = formatters.get(language);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(language, { timeZone: 'UTC', year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(language, formatter);
  }
  return formatter.format(new Date(`${date}T00:00:00Z`));
}

export function useCalendarDate(): (date: string) => string {
  const { i18n } = useTranslation();
  const language = currentLanguage(i18n);
  return (date) => formatCalendarDate(date, language);
}
