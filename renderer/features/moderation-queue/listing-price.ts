import { useTranslation } from 'react-i18next';
import type { PriceUnit } from '../../../shared/platform/entities';

/**
 * Building an Intl.NumberFormat costs far more than formatting with one (it was the top item in
 * a profile of decide-and-next: one per price cell per render), so each is built once.
 */
const formats = new Map<string, Intl.NumberFormat>();
function yuanFormat(language: string, fraction: number): Intl.NumberFormat {
  const key = `${language}|${fraction}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(language, { minimumFractionDigits: fraction, maximumFractionDigits: 2 });
    formats.set(key, format);
  }
  return format;
}

/** Prices are integer fen; whole yuan are shown without decimals. null is 面议. */
export function usePriceFormat(): (priceFen: number | null, unit: PriceUnit) => string {
  const { t, i18n } = useTranslation();
  return (priceFen, unit) => {
    if (priceFen === null) return t('price.onRequest');
    const fraction = priceFen % 100 === 0 ? 0 : 2;
    const yuan = yuanFormat(i18n.language, fraction).format(priceFen / 100);
    return t(`price.${unit}`, { amount: `¥${yuan}` });
  };
}
