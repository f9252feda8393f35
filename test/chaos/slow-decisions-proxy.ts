import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Where a decision is held on its way: before it reaches the platform (a kill now means the
 * platform never hears of it) or after the platform applied it, with its answer held back
 * (a kill now means the platform decided but the console never heard so).
 */
export type HoldStage = 'before_platform' | 'after_platform';

export interface HeldDecision {
  /** 1 for the first decision request the proxy saw, counting re-sends. */
  n: number;
  idempotencyKey: string;
  stage: HoldStage;
  holdMs: number;
  /** The platform received the request (and, being one SQLite transaction, applied it or refused it). */
  reachedPlatform: boolean;
  platformStatus: number | null;
  /** The console's end of the connection closed while the decision was held: it was killed. */
  consoleGone: boolean;
}

const DECISIONS_PATH = '/v1/moderation/decisions';

/**
 * A real HTTP hop that slows decisions down, so that a kill finds one mid-delivery, and keeps
 * an account of each. Everything else passes straight through.
 */
export async function startSlowDecisionsProxy(
  target: string,
  plan: (n: number) => { stage: HoldStage; holdMs: number },
  onHeld: (held: HeldDecision) => void = () => undefined,
) {
  const held: HeldDecision[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const forward = (answer: (status: number, headers: NodeJS.Dict<string | string[]>, payload: Buffer) => void) => {
        const upstream = request(new URL(req.url ?? '/', target), { method: req.method, headers: req.headers }, (reply) => {
          const parts: Buffer[] = [];
          reply.on('data', (c: Buffer) => parts.push(c));
          reply.on('end', () => answer(reply.statusCode ?? 502, reply.headers, Buffer.concat(parts)));
        });
        upstream.on('error', () => req.socket.destroy());
        upstream.end(body);
      };
      const relay = (status: number, headers: NodeJS.Dict<string | string[]>, payload: Buffer) => {
        if (!res.destroyed) res.writeHead(status, headers).end(payload);
      };
      if (req.method !== 'POST' || req.url !== DECISIONS_PATH) {
        forward(relay);
        return;
      }
      const n = held.length + 1;
      const { stage, holdMs } = plan(n);
      const key = (JSON.parse(body.toString('utf8')) as { idempotencyKey?: string }).idempotencyKey ?? '(none)';
      const decision: HeldDecision = { n, idempotencyKey: key, stage, holdMs, reachedPlatform: false, platformStatus: null, consoleGone: false };
      held.push(decision);
      res.on('close', () => {
        if (!res.writableEnded) decision.consoleGone = true;
      });
      const wait = (then: () => void) => setTimeout(then, holdMs);
      if (stage === 'before_platform') {
        wait(() => {
          // Killed while its request was still on the wire: the platform never hears of it.
          if (decision.consoleGone) return;
          decision.reachedPlatform = true;
          forward((status, headers, payload) => {
            decision.platformStatus = status;
            relay(status, headers, payload);
          });
        });
      } else {
        decision.reachedPlatform = true;
        forward((status, headers, payload) => {
          decision.platformStatus = status;
          wait(() => relay(status, headers, payload));
        });
      }
      onHeld(decision);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    held: () => [...held],
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
