import { useTranslation } from 'react-i18next';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** How long a listing has waited, as the translation key of its largest whole unit and the count. */
export interface ListingAge {
  key: 'age.days' | 'age.hours' | 'age.minutes' | 'age.justNow';
  count: number;
}

export function listingAge(now: number, iso: string): ListingAge {
  const elapsed = Math.max(0, now - Date.parse(iso));
  if (elapsed >= DAY) return { key: 'age.days', count: Math.floor(elapsed / DAY) };
  if (elapsed >= HOUR) return { key: 'age.hours', count: Math.floor(elapsed / HOUR) };
  if (elapsed >= MINUTE) return { key: 'age.minutes', count: Math.floor(elapsed / MINUTE) };
  return { key: 'age.justNow', count: 0 };
}

/** An age in words: 3 天前, 5 小时前. */
export function useAgeText(): (age: ListingAge) => string {
  const { t } = useTranslation();
  return ({ key, count }) => t(key, { count });
}

/** How long a listing has waited, in the largest whole unit: 3 天前, 5 小时前. */
export function useAgeFormat(now: number): (iso: string) => string {
  const ageText = useAgeText();
  return (iso) => ageText(listingAge(now, iso));
}
