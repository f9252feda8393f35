import axios from 'axios';
import { DeskFailure } from '../errors';

const IMAGE_TYPES = new Set(['image/svg+xml', 'image/png', 'image/jpeg', 'image/webp', 'image/gif']);
const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

/**
 * Listing photos reach the renderer as data: URLs fetched here, so the page's CSP can forbid
 * every remote origin (img-src 'self' data:) and the platform's address never needs to be in it.
 */
export function createMediaFetcher(platformUrl: string, capacity = 200) {
  const cache = new Map<string, string>();
  return async function fetchImage(path: string): Promise<string> {
    const cached = cache.get(path);
    if (cached) return cached;
    let response;
    try {
      response = await axios.get<ArrayBuffer>(new URL(path, platformUrl).toString(), {
        responseType: 'arraybuffer',
        timeout: 10_000,
        maxContentLength: MAX_IMAGE_BYTES,
        validateStatus: () => true,
        adapter: 'http',
      });
    } catch {
      throw new DeskFailure('platform_unreachable', `image ${path} could not be fetched`);
    }
    if (response.status === 404) throw new DeskFailure('not_found', `no image ${path}`);
    const type = String(response.headers['content-type'] ?? '').split(';')[0]!.trim();
    if (response.status !== 200 || !IMAGE_TYPES.has(type)) {
      throw new DeskFailure('platform_invalid_response', `image ${path}: status ${response.status}, type ${type || 'none'}`);
    }
    const dataUrl = `data:${type};base64,${Buffer.from(response.data).toString('base64')}`;
    if (cache.size >= capacity) cache.delete(cache.keys().next().value!);
    cache.set(path, dataUrl);
    return dataUrl;
  };
}
