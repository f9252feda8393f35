import { useTranslation } from 'react-i18next';
import type { AreaId } from './areas';

/** The areas of other roles arrive in later releases; say so rather than show an empty page. */
export function AreaPlaceholder({ area }: { area: AreaId }) {
  const { t } = useTranslation();
  return (
    <section className="area-placeholder" aria-labelledby="area-heading">
      <h1 id="area-heading">{t(`nav.${area}`)}</h1>
      <p>{t('placeholder.body', { area: t(`nav.${area}`) })}</p>
    </section>
  );
}
