import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { appEntryUrl, appSchemePrivileges, createAppProtocolHandler, resolveAppFile } from './app-protocol';
import { contentSecurityPolicy } from './content-security-policy';

const root = mkdtempSync(join(tmpdir(), 'desk-renderer-'));
mkdirSync(join(root, 'assets'));
writeFileSync(join(root, 'index.html'), '<!doctype html><title>讯通工作台</title>');
writeFileSync(join(root, 'assets', 'index-abc.js'), 'console.log(1)');
writeFileSync(join(root, 'assets', 'app.css'), 'body{}');
// A secret next to the renderer folder, which traversal would try to reach.
const outside = mkdtempSync(join(tmpdir(), 'desk-secret-'));
writeFileSync(join(outside, 'secret.txt'), 'secret');
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

describe('resolveAppFile', () => {
  it('maps app://desk URLs to files inside the renderer folder', () => {
    expect(resolveAppFile(root, appEntryUrl)).toBe(join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://desk/')).toBe(join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://desk')).toBe(join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://desk/assets/index-abc.js')).toBe(join(root, 'assets', 'index-abc.js'));
    expect(resolveAppFile(root, 'app://desk/assets/app.css?v=2#x')).toBe(join(root, 'assets', 'app.css'));
    expect(resolveAppFile(root, 'app://desk/assets/%E8%AE%AF.png')).toBe(join(root, 'assets', '讯.png'));
  });

  it.each([
    'app://desk/../../etc/passwd',
    'app://desk/assets/../../../etc/passwd',
    'app://desk/%2e%2e/%2e%2e/etc/passwd',
    'app://desk/%2E%2E/%2E%2E/etc/passwd',
    'app://desk/.%2e/etc/passwd',
    'app://desk/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    'app://desk/..%2f..%2fetc%2fpasswd',
    'app://desk/..%5c..%5cwindows%5cwin.ini',
    'app://desk/assets%5c..%5c..%5csecret.txt',
    'app://desk/%252e%252e/secret',
    'app://desk/./index.html',
    'app://desk/C:/Windows/win.ini',
    'app://desk/%00index.html',
    'app://desk/%E0%A4%A', // malformed escape
  ])('refuses traversal: %s', (url) => {
    expect(resolveAppFile(root, url)).toBeNull();
  });

  it.each([
    'app://evil/index.html',
    'app://desk.evil.example/index.html',
    'app://desk:8080/index.html',
    'app://user:pw@desk/index.html',
    'app:/index.html',
    'file:///etc/passwd',
    'https://desk/index.html',
    'http://127.0.0.1/index.html',
    'javascript:alert(1)',
    'not a url',
    '',
  ])('refuses other hosts and schemes: %s', (url) => {
    expect(resolveAppFile(root, url)).toBeNull();
  });

  it('never answers with a path outside the folder, whatever the input', () => {
    const tries = ['..', '%2e%2e', '.%2e', '%2e.', '..%2f', '%2f', '%5c', 'a', 'assets', '.', ''];
    for (const a of tries) {
      for (const b of tries) {
        const file = resolveAppFile(root, `app://desk/${a}/${b}/secret.txt`);
        if (file !== null) expect(file.startsWith(root + sep), file).toBe(true);
      }
    }
  });
});

describe('the app protocol handler', () => {
  const handle = createAppProtocolHandler(root);
  const get = (url: string, method = 'GET') => handle({ url, method });

  it('serves the renderer with its content type and the CSP header', async () => {
    const page = await get(appEntryUrl);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    expect(await page.text()).toContain('讯通工作台');
    const script = await get('app://desk/assets/index-abc.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('answers 403 for traversal and foreign hosts, with the CSP all the same', async () => {
    for (const url of ['app://desk/%2e%2e/secret.txt', 'app://desk/..%2f' + outside.split(sep).pop() + '%2fsecret.txt', 'app://other/index.html']) {
      const response = await get(url);
      expect(response.status, url).toBe(403);
      expect(await response.text()).not.toContain('secret');
      expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    }
  });

  it('answers 404 for a missing file or a folder, 405 for writes', async () => {
    expect((await get('app://desk/nope.js')).status).toBe(404);
    expect((await get('app://desk/assets')).status).toBe(404);
    expect((await get(appEntryUrl, 'POST')).status).toBe(405);
  });

  it('registers the scheme as standard and secure, without CSP bypass', () => {
    expect(appSchemePrivileges).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }]);
    const privileges = appSchemePrivileges[0]!.privileges!;
    expect(privileges.bypassCSP).toBeFalsy();
    expect(privileges.allowServiceWorkers).toBeFalsy();
  });
});
