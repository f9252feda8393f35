import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import { issuePath } from '../../../shared/errors';
import { ApiFailure } from '../http/failure';
import { sendFailure, sendJson } from '../http/router';
import { Rng } from '../seed/random';
import { corruptRecord } from './feed-corruption';
import { FaultPlan, FeedFaultKind, HttpFaultKind, type FaultReport } from './fault-plan';

type ParsedPlan = z.output<typeof FaultPlan>;
type HttpKind = z.infer<typeof HttpFaultKind>;
type FeedKind = z.infer<typeof FeedFaultKind>;

const zeroes = <K extends string>(kinds: readonly K[]) => Object.fromEntries(kinds.map((k) => [k, 0])) as Record<K, number>;

/** Kept per call so a retry of the same call can be told from a new one. */
const callSignature = (req: IncomingMessage, body: string) =>
  createHash('sha256').update(`${req.method} ${req.url}\n${body}`).digest('hex');

/**
 * The sandbox's fault mode: holds the plan a test put, decides (with the plan's seed) which API
 * requests fail and how, corrupts change-feed records in turn, and counts all of it.
 */
export class FaultInjector {
  private plan: ParsedPlan | null = null;
  private rng = new Rng(1);
  private http = zeroes(HttpFaultKind.options);
  private feed = zeroes(FeedFaultKind.options);
  private cursorResets = 0;
  private requests = 0;
  private recordsSent = 0;
  private nextFeedKind = 0;
  private nextHttpKind = 0;
  private cursorResetPending = false;
  /** When each rate-limited call was answered, and what it was told to wait. */
  private rateLimitedAt = new Map<string, { at: number; retryAfterMs: number; endpoint: string }>();
  private retries: NonNullable<FaultReport['retriesAfterRateLimit']> = [];
  private readonly slowAnswers = new Set<NodeJS.Timeout>();

  /** Validates and installs a plan, starting its counts afresh; a bad plan is refused with the field. */
  put(body: unknown): void {
    const parsed = FaultPlan.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const path = issuePath('body', issue.path);
      throw new ApiFailure('validation_failed', `${path}: ${issue.message}`, { path });
    }
    this.plan = parsed.data;
    this.rng = new Rng(parsed.data.seed);
    this.http = zeroes(HttpFaultKind.options);
    this.feed = zeroes(FeedFaultKind.options);
    this.cursorResets = 0;
    this.requests = 0;
    this.recordsSent = 0;
    this.nextFeedKind = 0;
    this.nextHttpKind = 0;
    this.cursorResetPending = parsed.data.cursorResetOnce === true;
    this.rateLimitedAt.clear();
    this.retries = [];
  }

  /** Stops injecting; the counts stay readable, so a test can recover first and read them after. */
  clear(): void {
    this.plan = null;
    this.cursorResetPending = false;
  }

  report(): FaultReport {
    return {
      plan: this.plan,
      http: { ...this.http },
      feed: { ...this.feed },
      cursorResets: this.cursorResets,
      requests: this.requests,
      retriesAfterRateLimit: [...this.retries],
    };
  }

  /** Whether this API request is answered by a fault instead of its handler, and which. */
  httpFault(endpoint: string, req: IncomingMessage, body: string): HttpKind | null {
    if (!this.plan) return null;
    this.requests += 1;
    const signature = callSignature(req, body);
    const limited = this.rateLimitedAt.get(signature);
    if (limited) {
      this.rateLimitedAt.delete(signature);
      this.retries.push({ endpoint: limited.endpoint, retryAfterMs: limited.retryAfterMs, waitedMs: Date.now() - limited.at });
    }
    const http = this.plan.http;
    if (!http || (http.endpoints && !http.endpoints.includes(endpoint))) return null;
    if (this.rng.next() >= http.share) return null;
    // Which requests fail is the seed's; the kinds take turns, so a short run still meets every one.
    const kind = http.kinds[this.nextHttpKind % http.kinds.length]!;
    this.nextHttpKind += 1;
    this.http[kind] += 1;
    if (kind === 'rate_limited') this.rateLimitedAt.set(signature, { at: Date.now(), retryAfterMs: http.retryAfterSeconds * 1000, endpoint });
    return kind;
  }

  /**
   * Answers a request with its fault. A slow answer still runs the handler afterwards, as a
   * platform that finishes its work after the client gave up would: a write must then not land twice.
   */
  async answer(kind: HttpKind, req: IncomingMessage, res: ServerResponse, proceed: () => Promise<void>): Promise<void> {
    const http = this.plan?.http;
    switch (kind) {
      case 'status_500':
        return sendFailure(res, new ApiFailure('internal', 'injected fault: the platform failed'));
      case 'status_503':
        return sendJson(res, 503, { code: 'internal', message: 'injected fault: the platform is unavailable' });
      case 'rate_limited': {
        const seconds = String(http?.retryAfterSeconds ?? 1);
        return sendFailure(res, new ApiFailure('rate_limited', 'injected fault: slow down', {}, { 'retry-after': seconds }));
      }
      case 'reset':
        req.socket.destroy();
        return;
      case 'slow':
        await new Promise<void>((resolve) => {
          const timer = setTimeout(() => {
            this.slowAnswers.delete(timer);
            resolve();
          }, http?.slowMs ?? 15_000);
          this.slowAnswers.add(timer);
        });
        return proceed();
    }
  }

  /** The pending cursor reset, if the plan asked for one: taken by the next change-feed request. */
  takeCursorReset(): boolean {
    if (!this.cursorResetPending) return false;
    this.cursorResetPending = false;
    this.cursorResets += 1;
    return true;
  }

  /** Corrupts every n-th record the feed sends (deletes carry none and are not counted). */
  corruptChanges<C extends { record: unknown }>(changes: C[]): C[] {
    const feed = this.plan?.feed;
    if (!feed) return changes;
    return changes.map((change) => {
      if (change.record === null || typeof change.record !== 'object') return change;
      this.recordsSent += 1;
      if (this.recordsSent % feed.everyNth !== 0) return change;
      const kind: FeedKind = feed.kinds[this.nextFeedKind % feed.kinds.length]!;
      this.nextFeedKind += 1;
      this.feed[kind] += 1;
      return { ...change, record: corruptRecord(change.record as Record<string, unknown>, kind) };
    });
  }

  /** Drops answers still waiting to be slow, so a closing sandbox does not touch its closed database. */
  dispose(): void {
    for (const timer of this.slowAnswers) clearTimeout(timer);
    this.slowAnswers.clear();
  }
}
