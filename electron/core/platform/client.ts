import axios, { type AxiosInstance, type AxiosResponse } from 'axios';
import type { z } from 'zod';
import { ApiErrorBody } from '../../../shared/errors';
import { platformContract, type EndpointName, type PlatformContract } from '../../../shared/platform/contract';
import { fillPath, type CallInput, type Output } from '../../../shared/platform/endpoint';
import { DeskFailure } from '../errors';
import { degradedCodeOfNetworkError, PlatformHealth } from './platform-health';

/** Where the client gets an access token, and how it gets a new one after a 401. */
export interface AccessTokens {
  current(): string | null;
  /** Rotates the refresh token and stores a new access token; throws if that is impossible. */
  renew(): Promise<void>;
}

export interface RetryPolicy {
  /** Tries in all, the first included. */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export interface PlatformClientOptions {
  baseUrl: string;
  tokens?: AccessTokens;
  retry?: RetryPolicy;
  timeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** How long calls must go without a failure before a degraded platform counts as healthy again. */
  calmMs?: number;
}

export const defaultRetry: RetryPolicy = { attempts: 4, baseDelayMs: 250, maxDelayMs: 8_000 };

/** How long the client waits for an answer before it gives up on that try and retries. */
export const DEFAULT_TIMEOUT_MS = 15_000;

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Exponential backoff with "equal jitter": half fixed, half random, so clients spread out. */
export function backoffDelay(policy: RetryPolicy, attempt: number, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

function retryAfterMs(response: AxiosResponse): number | undefined {
  const header = response.headers['retry-after'] as string | undefined;
  if (header === undefined) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

export type PlatformClient = ReturnType<typeof createPlatformClient>;

/** An answer that breaks the contract, named by the first place it does: never passed on. */
export function invalidAnswer(name: EndpointName, issue: { message: string; path: readonly PropertyKey[] }): DeskFailure {
  return new DeskFailure('platform_invalid_response', `${name}: ${issue.message} at ${issue.path.map(String).join('.')}`, {
    path: ['answer', ...issue.path.map(String)].join('.'),
  });
}

/** A body's JSON, or the text itself where it is none (what axios gives for a body it cannot parse). */
function decodedJson(bytes: Buffer): unknown {
  const text = bytes.toString('utf8');
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * The console's client of the platform contract. Every answer is parsed with the endpoint's
 * schema; an expired token is renewed once; unreachable or overloaded platforms are retried
 * with backoff; everything else becomes a typed DeskFailure.
 */
export function createPlatformClient(options: PlatformClientOptions) {
  const http: AxiosInstance = axios.create({
    baseURL: options.baseUrl,
    timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    validateStatus: () => true,
    adapter: 'http',
    // Our own answers are small; a platform that streams megabytes at us is misbehaving.
    maxContentLength: 64 * 1024 * 1024,
    transitional: { clarifyTimeoutError: true },
  });
  const policy = options.retry ?? defaultRetry;
  const sleep = options.sleep ?? wait;
  const random = options.random ?? Math.random;
  const health = new PlatformHealth(options.calmMs);
  /** Retry-After binds the whole client: no call of ours may go out before it, not only the one refused. */
  let notBefore = 0;

  async function send(name: EndpointName, input: Partial<CallInput<PlatformContract[EndpointName]>>, as: 'json' | 'bytes') {
    const endpoint = platformContract[name];
    const token = endpoint.access.kind === 'public' ? null : options.tokens?.current();
    try {
      const response = await http.request({
        method: endpoint.method,
        url: fillPath(endpoint.path, input.params as Record<string, unknown> | undefined),
        params: input.query,
        data: endpoint.body ? (input.body ?? {}) : undefined,
        headers: token ? { authorization: `Bearer ${token}` } : {},
        responseType: as === 'bytes' ? 'arraybuffer' : 'json',
      });
      // A refusal's body is read the same either way: its code decides what the client does next.
      if (as === 'bytes' && (response.status < 200 || response.status >= 300)) response.data = decodedJson(response.data as Buffer);
      return response;
    } catch (error) {
      const detail = axios.isAxiosError(error) ? (error.code ?? error.message) : String(error);
      health.failed(degradedCodeOfNetworkError(axios.isAxiosError(error) ? error.code : undefined));
      throw new DeskFailure('platform_unreachable', `platform ${options.baseUrl} unreachable (${detail})`);
    }
  }

  function failureOf(response: AxiosResponse): DeskFailure {
    const body = ApiErrorBody.safeParse(response.data);
    if (!body.success) {
      const code = response.status >= 500 ? 'internal' : 'platform_invalid_response';
      return new DeskFailure(code, `platform answered ${response.status} without a valid error body`, { status: response.status });
    }
    const failure = DeskFailure.fromPlatform(response.status, body.data);
    const after = retryAfterMs(response);
    if (after !== undefined) failure.extra.retryAfterMs = after;
    return failure;
  }

  async function call<K extends EndpointName>(
    name: K,
    input: Partial<CallInput<PlatformContract[K]>> = {},
    answer: z.ZodType<unknown> = platformContract[name].output,
  ): Promise<Output<PlatformContract[K]>> {
    return exchange(name, input, 'json', (data) => {
      const parsed = answer.safeParse(data);
      if (!parsed.success) throw invalidAnswer(name, parsed.error.issues[0]!);
      return parsed.data as Output<PlatformContract[K]>;
    });
  }

  /**
   * A call whose answer's body comes back as it came, undecoded: for the change feed, whose
   * pages are decoded and checked off the core's thread (FeedReader), which then answers for
   * the contract. Refusals, renewals and retries are call's.
   */
  function body<K extends EndpointName>(name: K, input: Partial<CallInput<PlatformContract[K]>> = {}): Promise<Buffer> {
    return exchange(name, input, 'bytes', (data) => data as Buffer);
  }

  async function exchange<K extends EndpointName, T>(
    name: K,
    input: Partial<CallInput<PlatformContract[K]>>,
    as: 'json' | 'bytes',
    accept: (data: unknown) => T,
  ): Promise<T> {
    let renewed = false;
    let waitedOut = false;
    for (let attempt = 0; ; attempt += 1) {
      let failure: DeskFailure;
      // This call already slept through its own Retry-After; the gate is for the calls beside it.
      const wait = waitedOut ? 0 : notBefore - Date.now();
      // A platform that asks for a long pause gets it without this call hanging on: the caller reschedules.
      if (wait > policy.maxDelayMs) throw new DeskFailure('rate_limited', `platform asked for a pause of ${wait} ms`, { retryAfterMs: wait });
      if (wait > 0) await sleep(wait);
      try {
        const response = await send(name, input, as);
        if (response.status >= 500) health.failed('server_error');
        else if (response.status === 429) health.failed('rate_limited');
        else health.answered();
        if (response.status >= 200 && response.status < 300) return accept(response.data);
        failure = failureOf(response);
        if (response.status === 429) notBefore = Math.max(notBefore, Date.now() + (failure.extra.retryAfterMs ?? 0));
        // A missing token is renewable too: a core that resumed while the platform was unreachable
        // has its refresh token in the vault but no access token yet.
        const expired = failure.code === 'token_expired' || failure.code === 'token_invalid' || failure.code === 'token_missing';
        if (response.status === 401 && expired && !renewed && options.tokens && platformContract[name].access.kind !== 'public') {
          renewed = true;
          await options.tokens.renew();
          attempt -= 1; // a renewal is not a retry of a failing platform
          continue;
        }
        if (response.status < 500 && response.status !== 429) throw failure;
      } catch (error) {
        if (!(error instanceof DeskFailure) || !error.transient || error.code === 'platform_invalid_response') throw error;
        failure = error;
      }
      const delay = failure.extra.retryAfterMs ?? backoffDelay(policy, attempt, random);
      if (attempt + 1 >= policy.attempts || delay > policy.maxDelayMs) throw failure;
      waitedOut = failure.extra.retryAfterMs !== undefined;
      await sleep(delay);
    }
  }

  return {
    call,
    body,
    baseUrl: options.baseUrl,
    /** Whether the platform is answering with errors or too slowly, and since when; null when healthy or unreachable. */
    health: () => health.current(),
  };
}
