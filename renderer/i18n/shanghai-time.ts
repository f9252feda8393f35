import { useTranslation } from 'react-i18next';
import { currentLanguage, type Language } from './desk-i18n';

/** Times are stored in UTC and always shown as Guangzhou sees them, whatever the machine's zone. */
export const DISPLAY_TIME_ZONE = 'Asia/Shanghai';

const formatters = new Map<Language, Intl.DateTimeFormat>();

export function formatShanghaiTime(iso: string, language: Language): string {
  let formatter = formatters.get(language);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(language, {
      timeZone: DISPLAY_TIME_ZONE,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hour12: false,
    });
    formatters.set(language, formatter);
  }
  return formatter.format(new Date(iso));
}

/** The formatter for the current interface language. */
export function useShanghaiTime(): (iso: string) => string {
  const { i18n } = useTranslation();
  const language = currentLanguage(i18n);
  return (iso) => formatShanghaiTime(iso, language);
}
