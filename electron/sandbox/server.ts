import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { platformApiVersion } from '../../shared/platform/contract';
import { buildOpenApiDocument } from '../../shared/platform/openapi';
import type { PlatformSettings, RequestContext } from './http/context';
import { ApiFailure } from './http/failure';
import { handlers } from './http/handlers';
import { bodyLimitOf, compileRoutes, matchRoute, parseInput, parseJsonBody, readBodyText, readJsonBody, sendFailure, sendJson } from './http/router';
import { FaultInjector } from './faults/fault-injector';
import { FAULTS_PATH, serveFaultControl } from './faults/fault-routes';
import { listingImageSvg } from './media';
import { authenticate } from './services/auth';
import { ensureDemoStaff, type DemoAccount } from './services/demo-staff';
import { loadDeadlineConfig } from './services/rights/deadline-config';
import { openPlatformDatabase, type PlatformDb } from './store/database';
import { seedPlatform } from './store/seeding';

export interface SandboxOptions {
  dataDir: string;
  /** 0 picks a free port. */
  port?: number;
  listings?: number;
  seed?: number;
  /** The seeded world's "now"; defaults to the start of today (UTC), so one day's seeds match. */
  anchor?: Date;
  /** Sets every demo account's password (for scripts); otherwise generated once per data folder. */
  staffPassword?: string;
  settings?: Partial<PlatformSettings>;
  /** A ready platform database to start from when the data folder has none (the packaged demo). */
  seedDatabase?: string;
  /** Checks every answer against the contract; off only for benchmarks. */
  validateResponses?: boolean;
  /** Fault mode for reliability tests: `PUT /__faults` takes a FaultPlan. Never on in the app. */
  faults?: boolean;
  now?: () => Date;
}

export interface RunningSandbox {
  url: string;
  port: number;
  staff: DemoAccount[];
  db: PlatformDb;
  close(): Promise<void>;
}

const defaultSettings: Omit<PlatformSettings, 'rightsDeadlines'> = {
  accessTtlSeconds: 15 * 60,
  refreshTtlSeconds: 30 * 24 * 3600,
  claimTtlSeconds: 10 * 60,
};

const startOfDay = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));

const MEDIA_PATH = /^\/media\/listings\/([\w-]+)\/(\d+)\.svg$/;

export async function startSandbox(options: SandboxOptions): Promise<RunningSandbox> {
  mkdirSync(options.dataDir, { recursive: true });
  const now = options.now ?? (() => new Date());
  const file = join(options.dataDir, 'platform.sqlite');
  if (options.seedDatabase && !existsSync(file)) copyFileSync(options.seedDatabase, file);
  const settings: PlatformSettings = { ...defaultSettings, rightsDeadlines: loadDeadlineConfig(), ...options.settings };
  const db = openPlatformDatabase(file);
  await seedPlatform(db, { seed: options.seed ?? 20261129, listings: options.listings ?? 3000, anchor: options.anchor ?? startOfDay(now()) }, settings.rightsDeadlines);
  const staff = ensureDemoStaff(db, options.dataDir, options.staffPassword, now());
  const routes = compileRoutes();
  const validateResponses = options.validateResponses ?? true;
  const openApi = JSON.stringify(buildOpenApiDocument(platformApiVersion));
  const faults = options.faults ? new FaultInjector() : null;

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
    const method = req.method ?? 'GET';
    if (method === 'GET' && url.pathname === '/openapi.json') {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(openApi);
      return;
    }
    const media = method === 'GET' ? MEDIA_PATH.exec(url.pathname) : null;
    if (media) {
      const svg = listingImageSvg(db, media[1]!, Number(media[2]));
      if (svg) res.writeHead(200, { 'content-type': 'image/svg+xml', 'cache-control': 'max-age=86400' }).end(svg);
      else sendFailure(res, new ApiFailure('not_found', 'no such image'));
      return;
    }
    if (faults && url.pathname === FAULTS_PATH) return serveFaultControl(faults, req, res);
    const matched = matchRoute(routes, method, url.pathname);
    if (!matched) throw new ApiFailure('not_found', `no route ${method} ${url.pathname}`);
    if (!faults) return respond(req, res, url, matched, undefined);
    // Under a plan the body is read first: a retried call is recognised by it (a decision by its key).
    const bodyText = matched.route.endpoint.body ? await readBodyText(req, bodyLimitOf(matched.route.name)) : '';
    const fault = faults.httpFault(matched.route.name, req, bodyText);
    if (fault) return faults.answer(fault, req, res, () => respond(req, res, url, matched, bodyText));
    return respond(req, res, url, matched, bodyText);
  }

  /** Authenticates, parses, runs the handler and answers; `bodyText` when the body was already read. */
  async function respond(req: IncomingMessage, res: ServerResponse, url: URL, matched: NonNullable<ReturnType<typeof matchRoute>>, bodyText: string | undefined) {
    const { route, params } = matched;
    const ctx: RequestContext = { db, now, settings, staff: null };
    if (route.endpoint.access.kind !== 'public') {
      ctx.staff = authenticate(db, now(), req.headers.authorization);
      const access = route.endpoint.access;
      if (access.kind === 'scope' && !ctx.staff.scopes.has(access.scope)) {
        throw new ApiFailure('forbidden_scope', `${route.name} needs scope ${access.scope}, which your roles do not grant`);
      }
    }
    if (route.name === 'listChanges' && faults?.takeCursorReset()) {
      throw new ApiFailure('cursor_reset', 'injected fault: the change feed was reset; start again without a cursor', { path: 'query.cursor' });
    }
    const body = !route.endpoint.body ? undefined : bodyText !== undefined ? parseJsonBody(bodyText) : await readJsonBody(req, bodyLimitOf(route.name));
    const input = parseInput(route.endpoint, params, url.searchParams, body);
    const handler = handlers[route.name] as (c: RequestContext, i: unknown) => unknown;
    const output = handler(ctx, input);
    if (validateResponses) {
      const checked = route.endpoint.output.safeParse(output);
      if (!checked.success) throw new Error(`${route.name} produced an answer outside the contract: ${checked.error.message}`);
    }
    // Corrupted after the contract check on purpose: the point is a record the contract forbids.
    if (route.name === 'listChanges' && faults) {
      const page = output as { changes: { record: unknown }[] };
      page.changes = faults.corruptChanges(page.changes);
    }
    sendJson(res, 200, output);
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (error instanceof ApiFailure) return sendFailure(res, error);
      console.error('sandbox: unexpected error', error);
      sendFailure(res, new ApiFailure('internal', 'the platform failed to answer; try again'));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    staff,
    db,
    close: () =>
      new Promise<void>((resolve) => {
        faults?.dispose();
        server.closeAllConnections();
        server.close(() => {
          db.close();
          resolve();
        });
      }),
  };
}
