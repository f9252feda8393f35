import { useTranslation } from 'react-i18next';
import type { DeskClient } from '../../desk/desk-client';
import { useDeskQuery } from '../../desk/use-desk-query';

/** Platform media come through the core (`media:image`), which answers with a data: URL the CSP allows. */
const MEDIA_PATH = /^\/media\/[\w/.-]+$/;
const usablePath = (path: string) => MEDIA_PATH.test(path) && path.length <= 300;

/**
 * Images read ahead with the item "next" will open (see use-upcoming), so opening it costs no
 * trips to the platform just after a decision. Each is decoded then too (`decode()` works off the
 * main thread), and its element kept so the decoded image stays in the browser's memory cache:
 * an image first parsed when the item opens would cost the frame that shows it. Data URLs are
 * large: only the last few are kept.
 */
const readAhead = new Map<string, { dataUrl: string; decoded: HTMLImageElement }>();
const KEPT_IMAGES = 24;

export async function readImagesAhead(desk: DeskClient, paths: readonly string[]): Promise<void> {
  for (const path of paths) {
    if (!usablePath(path) || readAhead.has(path)) continue;
    const { dataUrl } = await desk.call('media:image', { path });
    const decoded = new Image();
    decoded.src = dataUrl;
    await decoded.decode();
    readAhead.set(path, { dataUrl, decoded });
    for (const kept of readAhead.keys()) {
      if (readAhead.size <= KEPT_IMAGES) break;
      readAhead.delete(kept);
    }
  }
}

function ListingImage({ path, alt }: { path: string; alt: string }) {
  const { t } = useTranslation();
  const usable = usablePath(path);
  const early = readAhead.get(path)?.dataUrl;
  const image = useDeskQuery('media:image', { path }, { enabled: usable && early === undefined });
  const dataUrl = early ?? image.data?.dataUrl;
  if (dataUrl) return <img className="listing-image" src={dataUrl} alt={alt} />;
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
