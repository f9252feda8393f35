import { useTranslation } from 'react-i18next';
import type { PriceUnit } from '../../../shared/platform/entities';

/** Prices are integer fen; whole yuan are shown without decimals. null is 面议. */
export function usePriceFormat(): (priceFen: number | null, unit: PriceUnit) => string {
  const { t, i18n } = useTranslation();
  return (priceFen, unit) => {
    if (priceFen === null) return t('price.onRequest');
    const fraction = priceFen % 100 === 0 ? 0 : 2;
    const yuan = new Intl.NumberFormat(i18n.language, { minimumFractionDigits: fraction, maximumFractionDigits: 2 }).format(priceFen / 100);
    return t(`price.${unit}`, { amount: `¥${yuan}` });
  };
}
