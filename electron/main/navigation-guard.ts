import type { HandlerDetails, WebContents, WindowOpenHandlerResponse } from 'electron';
import { appHost, appScheme } from './app-protocol';

/** Is this URL a page of ours (`app://desk/…`)? Anything else is the outside world. */
export function isAppUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${appScheme}:` &&
    parsed.hostname.toLowerCase() === appHost &&
    !parsed.port &&
    !parsed.username &&
    !parsed.password
  );
}

/**
 * During `electron-vite dev` only, the renderer comes from Vite's dev server; its origin is
 * trusted too, but only when the app is not packaged and the server is on loopback HTTP.
 */
export function devRendererOrigin(env: Record<string, string | undefined>, isPackaged: boolean): string | null {
  const url = env.ELECTRON_RENDERER_URL;
  if (isPackaged || !url) return null;
  try {
    const parsed = new URL(url);
    const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(parsed.hostname);
    return parsed.protocol === 'http:' && loopback ? parsed.origin : null;
  } catch {
    return null;
  }
}

export type UrlTrust = (url: string) => boolean;

/** The predicate the guard and the IPC router share: our scheme, plus the dev server if any. */
export function trustedRendererUrl(devOrigin: string | null = null): UrlTrust {
  return (url) => {
    if (isAppUrl(url)) return true;
    if (!devOrigin) return false;
    try {
      return new URL(url).origin === devOrigin;
    } catch {
      return false;
    }
  };
}

/**
 * Pages of the platform staff may open in their browser (help pages, say): full https URL
 * prefixes, matched by origin and path. Empty until someone needs one.
 */
export const externalLinkAllowlist: readonly string[] = [];

export function isAllowlistedExternal(url: string, allowlist: readonly string[] = externalLinkAllowlist): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' || parsed.username || parsed.password) return false;
  return allowlist.some((entry) => {
    const allowed = new URL(entry);
    return allowed.protocol === 'https:' && parsed.origin === allowed.origin && parsed.pathname.startsWith(allowed.pathname);
  });
}

interface PreventableEvent {
  preventDefault(): void;
  url?: string;
}

/** `will-navigate`, `will-frame-navigate`, `will-redirect`: only our own pages may load. */
export function refuseForeignNavigation(event: PreventableEvent, url: string | undefined, isTrusted: UrlTrust): boolean {
  const target = url ?? event.url ?? '';
  if (isTrusted(target)) return false;
  event.preventDefault();
  return true;
}

/**
 * Windows never open. An allowlisted https link goes to the system browser instead; anything
 * else is simply dropped.
 */
export function windowOpenHandler(
  openExternal: (url: string) => Promise<void>,
  allowlist: readonly string[] = externalLinkAllowlist,
): (details: Pick<HandlerDetails, 'url'>) => WindowOpenHandlerResponse {
  return ({ url }) => {
    if (isAllowlistedExternal(url, allowlist)) void openExternal(url).catch(() => undefined);
    return { action: 'deny' };
  };
}

export interface GuardOptions {
  isTrusted: UrlTrust;
  openExternal: (url: string) => Promise<void>;
  allowlist?: readonly string[];
}

type GuardedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/** Applied to every webContents the app creates (`app.on('web-contents-created')`). */
export function guardWebContents(contents: GuardedContents, options: GuardOptions): void {
  const { isTrusted } = options;
  contents.on('will-navigate', (event, url) => refuseForeignNavigation(event, url, isTrusted));
  contents.on('will-frame-navigate', (event) => refuseForeignNavigation(event, event.url, isTrusted));
  contents.on('will-redirect', (event, url) => refuseForeignNavigation(event, url, isTrusted));
  // No <webview>: webviewTag is off, and this refuses one should anything turn it back on.
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(windowOpenHandler(options.openExternal, options.allowlist));
}
