import { timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import { z } from 'zod';
import type { DeskCore } from '../core/desk-core';

/**
 * Development and test only: serves the built renderer and the core's handler table to a
 * browser on 127.0.0.1. A WebSocket stands in for Electron's IPC; a random per-launch token
 * (in the URL printed at start) stands in for "the sender is our own window".
 */
export interface BridgeOptions {
  core: DeskCore;
  rendererDir: string;
  token: string;
  port?: number;
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; " +
  "object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const Invoke = z.object({ type: z.literal('invoke'), id: z.number().int(), channel: z.string().max(100), input: z.unknown() });

export const isLoopback = (address: string | undefined) =>
  address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';

export function tokenMatches(expected: string, given: string | null): boolean {
  if (given === null) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Maps a request path to a file inside the renderer folder, or nothing (no escaping the folder). */
export function rendererFile(rendererDir: string, pathname: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const file = normalize(join(rendererDir, relative));
  if (!file.startsWith(normalize(rendererDir) + sep)) return undefined;
  return existsSync(file) && statSync(file).isFile() ? file : undefined;
}

export async function startBridge(options: BridgeOptions): Promise<{ url: string; port: number; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    if (!isLoopback(req.socket.remoteAddress)) {
      res.writeHead(403).end('loopback only');
      return;
    }
    const url = new URL(req.url ?? '/', 'http://bridge.invalid');
    const file = req.method === 'GET' ? rendererFile(options.rendererDir, url.pathname) : undefined;
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, {
      'content-type': contentTypes[extname(file)] ?? 'application/octet-stream',
      'content-security-policy': CSP,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    });
    res.end(readFileSync(file));
  });

  const sockets = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });
  server.on('upgrade', (req: IncomingMessage, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://bridge.invalid');
    const address = server.address() as AddressInfo;
    const sameOrigin = req.headers.origin === `http://127.0.0.1:${address.port}` || req.headers.origin === `http://localhost:${address.port}`;
    if (!isLoopback(req.socket.remoteAddress) || url.pathname !== '/desk' || !sameOrigin || !tokenMatches(options.token, url.searchParams.get('token'))) {
      socket.end('HTTP/1.1 403 Forbidden\r\nconnection: close\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(req, socket, head, (ws) => sockets.emit('connection', ws, req));
  });

  sockets.on('connection', (ws: WebSocket) => {
    ws.on('message', (data) => {
      let message: unknown;
      try {
        message = JSON.parse(data.toString());
      } catch {
        return;
      }
      const invoke = Invoke.safeParse(message);
      if (!invoke.success) return;
      const { id, channel, input } = invoke.data;
      void options.core.dispatch(channel, input).then((result) => {
        if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ type: 'result', id, result }));
      });
    });
  });
  const unsubscribe = options.core.on((name, payload) => {
    const text = JSON.stringify({ type: 'event', name, payload });
    for (const client of sockets.clients) if (client.readyState === client.OPEN) client.send(text);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/?token=${encodeURIComponent(options.token)}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        unsubscribe();
        for (const client of sockets.clients) client.terminate();
        sockets.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
