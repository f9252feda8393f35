import type { WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import {
  devRendererOrigin,
  externalLinkAllowlist,
  guardWebContents,
  isAllowlistedExternal,
  isAppUrl,
  refuseForeignNavigation,
  trustedRendererUrl,
  windowOpenHandler,
} from './navigation-guard';

const fakeEvent = (url?: string) => ({ url, preventDefault: vi.fn() });

/** A webContents stand-in that records its listeners and window-open handler. */
function fakeContents() {
  const listeners = new Map<string, (...args: unknown[]) => unknown>();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  const contents = {
    on: (name: string, listener: (...args: unknown[]) => unknown) => listeners.set(name, listener),
    setWindowOpenHandler: (handler: typeof openHandler) => (openHandler = handler),
  };
  return {
    contents: contents as unknown as WebContents,
    emit: (name: string, ...args: unknown[]) => listeners.get(name)!(...args),
    open: (url: string) => openHandler!({ url }),
    listeners,
  };
}

describe('isAppUrl', () => {
  it('accepts our own pages only', () => {
    expect(isAppUrl('app://desk/index.html')).toBe(true);
    expect(isAppUrl('app://desk/x')).toBe(true);
    expect(isAppUrl('app://desk/')).toBe(true);
    for (const url of ['https://evil.example', 'http://127.0.0.1:5173/', 'app://evil/index.html', 'app://desk:1/x', 'app://a@desk/x', 'file:///index.html', 'javascript:alert(1)', 'data:text/html,x', 'about:blank', '', 'nonsense']) {
      expect(isAppUrl(url), url).toBe(false);
    }
  });
});

describe('navigation', () => {
  const trust = trustedRendererUrl();

  it('prevents navigation to https://evil.example and allows app://desk/x', () => {
    const evil = fakeEvent();
    expect(refuseForeignNavigation(evil, 'https://evil.example', trust)).toBe(true);
    expect(evil.preventDefault).toHaveBeenCalledOnce();
    const ours = fakeEvent();
    expect(refuseForeignNavigation(ours, 'app://desk/x', trust)).toBe(false);
    expect(ours.preventDefault).not.toHaveBeenCalled();
  });

  it('reads the URL from the event when no argument carries it', () => {
    const evil = fakeEvent('file:///etc/passwd');
    refuseForeignNavigation(evil, undefined, trust);
    expect(evil.preventDefault).toHaveBeenCalledOnce();
    const empty = fakeEvent();
    refuseForeignNavigation(empty, undefined, trust);
    expect(empty.preventDefault).toHaveBeenCalledOnce();
  });

  it('is wired to will-navigate, will-frame-navigate, will-redirect and will-attach-webview', () => {
    const { contents, emit, listeners } = fakeContents();
    guardWebContents(contents, { isTrusted: trust, openExternal: vi.fn() });
    expect([...listeners.keys()].sort()).toEqual(['will-attach-webview', 'will-frame-navigate', 'will-navigate', 'will-redirect']);

    const navigate = fakeEvent('https://evil.example');
    emit('will-navigate', navigate, 'https://evil.example');
    expect(navigate.preventDefault).toHaveBeenCalledOnce();
    const inApp = fakeEvent('app://desk/x');
    emit('will-navigate', inApp, 'app://desk/x');
    expect(inApp.preventDefault).not.toHaveBeenCalled();

    const frame = fakeEvent('https://evil.example/frame');
    emit('will-frame-navigate', frame);
    expect(frame.preventDefault).toHaveBeenCalledOnce();

    const redirect = fakeEvent();
    emit('will-redirect', redirect, 'http://169.254.169.254/');
    expect(redirect.preventDefault).toHaveBeenCalledOnce();

    const webview = fakeEvent();
    emit('will-attach-webview', webview, {}, { src: 'app://desk/index.html' });
    expect(webview.preventDefault).toHaveBeenCalledOnce();
  });

  it('trusts the dev server only unpackaged and on loopback http', () => {
    expect(devRendererOrigin({ ELECTRON_RENDERER_URL: 'http://localhost:5173/' }, false)).toBe('http://localhost:5173');
    expect(devRendererOrigin({ ELECTRON_RENDERER_URL: 'http://localhost:5173/' }, true)).toBeNull();
    expect(devRendererOrigin({ ELECTRON_RENDERER_URL: 'https://evil.example/' }, false)).toBeNull();
    expect(devRendererOrigin({ ELECTRON_RENDERER_URL: 'http://192.168.1.5:5173/' }, false)).toBeNull();
    expect(devRendererOrigin({}, false)).toBeNull();
    const devTrust = trustedRendererUrl('http://localhost:5173');
    expect(devTrust('http://localhost:5173/src/main.tsx')).toBe(true);
    expect(devTrust('http://localhost:5174/')).toBe(false);
    expect(devTrust('app://desk/index.html')).toBe(true);
  });
});

describe('window.open', () => {
  it('is denied always, and nothing opens outside with the empty allowlist', () => {
    expect(externalLinkAllowlist).toEqual([]);
    const openExternal = vi.fn(async () => undefined);
    const { contents, open } = fakeContents();
    guardWebContents(contents, { isTrusted: trustedRendererUrl(), openExternal });
    for (const url of ['https://evil.example', 'app://desk/index.html', 'https://help.xuntong.example/', 'file:///etc/passwd', 'about:blank']) {
      expect(open(url), url).toEqual({ action: 'deny' });
    }
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('hands an allowlisted https page to the system browser, still denying the window', () => {
    const allowlist = ['https://help.xuntong.example/staff/'];
    const openExternal = vi.fn(async () => undefined);
    const handler = windowOpenHandler(openExternal, allowlist);
    expect(handler({ url: 'https://help.xuntong.example/staff/moderation' })).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledExactlyOnceWith('https://help.xuntong.example/staff/moderation');
    for (const url of ['http://help.xuntong.example/staff/x', 'https://help.xuntong.example.evil.example/staff/', 'https://help.xuntong.example/other', 'https://a:b@help.xuntong.example/staff/']) {
      expect(isAllowlistedExternal(url, allowlist), url).toBe(false);
    }
  });

  it('never matches an http entry, even one on the allowlist', () => {
    const openExternal = vi.fn(async () => undefined);
    const handler = windowOpenHandler(openExternal, ['http://help.xuntong.example/']);
    expect(handler({ url: 'http://help.xuntong.example/page' })).toEqual({ action: 'deny' });
    expect(isAllowlistedExternal('https://help.xuntong.example/page', ['http://help.xuntong.example/'])).toBe(false);
    expect(openExternal).not.toHaveBeenCalled();
  });
});
