import { readFile as readFileFromDisk } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { CustomScheme } from 'electron';
import { withContentSecurityPolicy } from './content-security-policy';

/**
 * The renderer is served from a custom scheme rather than file://, so it has a real origin
 * (`app://desk`) that CSP 'self', the navigation guard and the IPC sender check can all name,
 * and so the page can never read an arbitrary file by URL.
 */
export const appScheme = 'app';
export const appHost = 'desk';
export const appOrigin = `${appScheme}://${appHost}`;
export const appEntryUrl = `${appOrigin}/index.html`;

/** Registered before the app is ready. Standard + secure; no CSP bypass, no service workers. */
export const appSchemePrivileges: CustomScheme[] = [
  { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true } },
];

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

export function contentTypeOf(file: string): string {
  return contentTypes[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

function safeDecode(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/**
 * A path segment that could climb, hide a separator, name a drive, or still be encoded after
 * one decoding (double encoding): the build never emits such names, so none is served.
 */
function isSuspiciousSegment(segment: string): boolean {
  const decoded = safeDecode(segment);
  if (decoded === null) return true;
  return decoded === '..' || decoded === '.' || /[\\/:%\0]/.test(decoded);
}

/**
 * Maps an `app://desk/…` URL to a file inside `rootDir`, or null when the URL is not ours or
 * tries to leave the folder. Traversal is refused outright — literal or percent-encoded dot
 * segments, encoded separators, backslashes — before the URL parser gets a chance to quietly
 * normalise it away, and the resolved path is checked to be inside `rootDir` all the same.
 */
export function resolveAppFile(rootDir: string, url: string): string | null {
  const prefix = `${appOrigin}/`;
  const bare = url.split(/[?#]/, 1)[0] ?? '';
  if (bare !== appOrigin && !bare.toLowerCase().startsWith(prefix)) return null;
  const rawSegments = bare.slice(prefix.length).split('/');
  if (rawSegments.some((s) => s !== '' && isSuspiciousSegment(s))) return null;

  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${appScheme}:` || parsed.hostname.toLowerCase() !== appHost) return null;
  if (parsed.port || parsed.username || parsed.password) return null;

  const decodedPath = safeDecode(parsed.pathname);
  if (decodedPath === null || decodedPath.includes('\0') || decodedPath.includes('\\')) return null;
  if (decodedPath.split('/').some((s) => s === '..')) return null;

  const root = resolve(rootDir);
  const wanted = decodedPath === '' || decodedPath.endsWith('/') ? `${decodedPath}index.html` : decodedPath;
  const file = resolve(root, `.${wanted.startsWith('/') ? wanted : `/${wanted}`}`);
  const inside = relative(root, file);
  if (inside === '' || inside.startsWith(`..${sep}`) || inside === '..' || isAbsolute(inside)) return null;
  return file;
}

export type AppFileReader = (file: string) => Promise<Uint8Array>;

const plain = (status: number, text: string) =>
  new Response(text, { status, headers: withContentSecurityPolicy(new Headers({ 'Content-Type': 'text/plain; charset=utf-8' })) });

/**
 * The `protocol.handle('app', …)` handler: serves files of the built renderer with the CSP
 * header, 403 for anything outside it, 404 for what is missing. Reads only; no remote content.
 */
export function createAppProtocolHandler(rootDir: string, readFile: AppFileReader = readFileFromDisk) {
  return async (request: Pick<Request, 'url' | 'method'>): Promise<Response> => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'method not allowed');
    const file = resolveAppFile(rootDir, request.url);
    if (!file) return plain(403, 'forbidden');
    let body: Uint8Array;
    try {
      body = await readFile(file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      return code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR' ? plain(404, 'not found') : plain(500, 'unreadable');
    }
    const headers = withContentSecurityPolicy(new Headers({ 'Content-Type': contentTypeOf(file) }));
    return new Response(request.method === 'HEAD' ? null : Buffer.from(body), { status: 200, headers });
  };
}
