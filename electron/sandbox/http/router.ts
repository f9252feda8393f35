import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { errorStatus, issuePath } from '../../../shared/errors';
import { platformContract, type EndpointName, type PlatformContract } from '../../../shared/platform/contract';
import type { Endpoint, Output, ParsedInput } from '../../../shared/platform/endpoint';
import type { RequestContext } from './context';
import { ApiFailure } from './failure';

export type Handler<E extends Endpoint> = (ctx: RequestContext, input: ParsedInput<E>) => Output<E>;
/** One handler per contract endpoint; a missing one is a compile error. */
export type HandlerTable = { [K in EndpointName]: Handler<PlatformContract[K]> };

interface Route {
  name: EndpointName;
  endpoint: Endpoint;
  pattern: RegExp;
  paramNames: string[];
}

const MAX_BODY_BYTES = 1024 * 1024;

const MIB = 1024 * 1024;

/**
 * Endpoints whose bodies carry files, as base64: a rights ticket's ten attachments of up to 2 MB;
 * a register entry's scan of up to 10 MB; a production's files, which the contract would let run
 * to twenty of 10 MB each, is held to 64 MB in one request (larger productions go on encrypted media).
 */
const LARGE_BODY_BYTES: Partial<Record<EndpointName, number>> = { createTicket: 30 * MIB, createDisclosure: 16 * MIB, recordProduction: 64 * MIB };

export const bodyLimitOf = (name: EndpointName): number => LARGE_BODY_BYTES[name] ?? MAX_BODY_BYTES;

/** Routes compiled from the contract: a path template becomes an anchored pattern. */
export function compileRoutes(): Route[] {
  return (Object.entries(platformContract) as [EndpointName, Endpoint][]).map(([name, endpoint]) => {
    const paramNames: string[] = [];
    const source = endpoint.path.replace(/\{(\w+)\}/g, (_, param: string) => {
      paramNames.push(param);
      return '([^/]+)';
    });
    return { name, endpoint, pattern: new RegExp(`^${source}$`), paramNames };
  });
}

export function matchRoute(routes: Route[], method: string, pathname: string) {
  for (const route of routes) {
    if (route.endpoint.method !== method) continue;
    const match = route.pattern.exec(pathname);
    if (!match) continue;
    const params: Record<string, string> = {};
    route.paramNames.forEach((name, i) => {
      params[name] = decodeURIComponent(match[i + 1] ?? '');
    });
    return { route, params };
  }
  return undefined;
}

function parsePart(prefix: string, schema: z.ZodType | undefined, value: unknown): unknown {
  if (!schema) return prefix === 'body' ? undefined : {};
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw new ApiFailure('validation_failed', `${issuePath(prefix, issue.path)}: ${issue.message}`, {
    path: issuePath(prefix, issue.path),
  });
}

/** The raw body, refused past `limit`; read once, so fault mode can see a call before its handler does. */
export async function readBodyText(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new ApiFailure('payload_too_large', `body over ${limit} bytes`, { path: 'body' });
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function parseJsonBody(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ApiFailure('validation_failed', 'body: not valid JSON', { path: 'body' });
  }
}

export async function readJsonBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<unknown> {
  return parseJsonBody(await readBodyText(req, limit));
}

/** Parses path, query and body of a matched request against its declaration. */
export function parseInput(endpoint: Endpoint, params: Record<string, string>, query: URLSearchParams, body: unknown) {
  return {
    params: parsePart('params', endpoint.params, params),
    query: parsePart('query', endpoint.query, Object.fromEntries(query.entries())),
    body: parsePart('body', endpoint.body, body),
  };
}

export function sendJson(res: ServerResponse, status: number, payload: unknown, headers: Readonly<Record<string, string>> = {}): void {
  // Encoded once: measuring a string's UTF-8 length and then writing it encodes it twice, and a
  // feed page of Chinese listings is a megabyte.
  const body = Buffer.from(JSON.stringify(payload));
  res.writeHead(status, {
    ...headers,
    'content-type': 'application/json; charset=utf-8',
    'content-length': body.length,
    'cache-control': 'no-store',
  });
  res.end(body);
}

export function sendFailure(res: ServerResponse, failure: ApiFailure): void {
  sendJson(res, errorStatus[failure.code], failure.body(), failure.headers);
}
