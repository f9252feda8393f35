import type { DeskApi } from '../../shared/ipc/contract';
import { connectBridgeDesk } from './bridge-desk';

const TOKEN_KEY = 'desk.bridgeToken';

/**
 * The bridge's per-launch token arrives in the URL. It is moved to sessionStorage at once so it
 * does not linger in the address bar or history, and a reload of the tab still works.
 */
export function takeBridgeToken(): string | null {
  const url = new URL(location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    history.replaceState(history.state, '', `${url.pathname}${url.search}${url.hash}`);
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

/** The preload's `window.desk` inside Electron; otherwise the development bridge. */
export function connectDesk(): DeskApi {
  const preload = (window as Window & { desk?: DeskApi }).desk;
  if (preload) return preload;
  const token = takeBridgeToken() ?? '';
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return connectBridgeDesk({ url: `${scheme}://${location.host}/desk?token=${encodeURIComponent(token)}` });
}
