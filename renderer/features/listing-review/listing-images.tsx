import { useTranslation } from 'react-i18next';
import { useDeskQuery } from '../../desk/use-desk-query';

/** Platform media come through the core (`media:image`), which answers with a data: URL the CSP allows. */
const MEDIA_PATH = /^\/media\/[\w/.-]+$/;

function ListingImage({ path, alt }: { path: string; alt: string }) {
  const { t } = useTranslation();
  const usable = MEDIA_PATH.test(path) && path.length <= 300;
  const image = useDeskQuery('media:image', { path }, { enabled: usable });
  if (image.data) return <img className="listing-image" src={image.data.dataUrl} alt={alt} />;
  const text = !usable || image.error ? t('detail.imageUnavailable') : t('detail.imageLoading');
  return (
    <div className="listing-image placeholder" role="img" aria-label={alt}>
      {text}
    </div>
  );
}

export function ListingImages({ images, title }: { images: string[]; title: string }) {
  const { t } = useTranslation();
  if (images.length === 0) return <p className="muted">{t('detail.noImages')}</p>;
  return (
    <div className="listing-images">
      {images.map((path, n) => (
        <ListingImage key={path} path={path} alt={t('detail.imageAlt', { title, n: n + 1 })} />
      ))}
    </div>
  );
}
