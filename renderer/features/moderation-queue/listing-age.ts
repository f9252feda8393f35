import { useTranslation } from 'react-i18next';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** How long a listing has waited, in the largest whole unit: 3 天前, 5 小时前. */
export function useAgeFormat(now: number): (iso: string) => string {
  const { t } = useTranslation();
  return (iso) => {
    const elapsed = Math.max(0, now - Date.parse(iso));
    if (elapsed >= DAY) return t('age.days', { count: Math.floor(elapsed / DAY) });
    if (elapsed >= HOUR) return t('age.hours', { count: Math.floor(elapsed / HOUR) });
    if (elapsed >= MINUTE) return t('age.minutes', { count: Math.floor(elapsed / MINUTE) });
    return t('age.justNow');
  };
}
