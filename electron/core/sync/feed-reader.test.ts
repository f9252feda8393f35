import type { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFaultyProxy, type Fault } from '../../../test/fixtures/faulty-proxy';
import { startTestSandbox, temporaryFolder, type RunningSandbox } from '../../../test/fixtures/sandbox';
import { waitFor } from '../../../test/fixtures/wait';
import { failureOf, signedInTokens } from '../../../test/fixtures/console-parts';
import { createPlatformClient } from '../platform/client';
import { InThreadFeedReader, WorkerFeedReader, type FeedQuery } from './feed-reader';
import { pageToCommit } from './feed-triage';

const folder = temporaryFolder();
let sandbox: RunningSandbox;
const noWait = async () => undefined;
const firstPage: FeedQuery = { limit: 40, withRemaining: 'true' };

beforeAll(async () => {
  sandbox = await startTestSandbox(folder.path, { listings: 30 });
});
afterAll(async () => {
  await sandbox.close();
  folder.remove();
});

/** A reader in its worker, a client through a proxy that misbehaves as `plan` says, both closed after `use`. */
async function throughProxy(plan: (n: number, url: string) => Fault, use: (reader: WorkerFeedReader, client: ReturnType<typeof createPlatformClient>, renewals: () => number) => Promise<void>) {
  const proxy = await startFaultyProxy(sandbox.url, (req, n) => plan(n, req.url ?? ''));
  const tokens = await signedInTokens(sandbox.url);
  const reader = new WorkerFeedReader(() => undefined);
  try {
    await use(reader, createPlatformClient({ baseUrl: proxy.url, tokens, sleep: noWait }), tokens.renewals);
  } finally {
    reader.close();
    await proxy.close();
  }
}

const feedOnly = (url: string) => url.startsWith('/v1/changes');

describe('the feed read in a worker', () => {
  it('reads a page as the core reads it, its records serialized for the writer', async () => {
    const tokens = await signedInTokens(sandbox.url);
    const client = createPlatformClient({ baseUrl: sandbox.url, tokens });
    const log: string[] = [];
    const reader = new WorkerFeedReader((line) => log.push(line));
    try {
      const [inWorker, onCore] = [await reader.read(client, firstPage), await new InThreadFeedReader().read(client, firstPage)];
      // Not decoded on the core's thread: what comes back is bytes for the writer.
      expect(inWorker.checked).toBeInstanceOf(Uint8Array);
      expect(onCore.checked).not.toBeInstanceOf(Uint8Array);
      const { checked: _bytes, ...told } = inWorker;
      const { checked: _objects, ...toldHere } = onCore;
      expect(told).toEqual(toldHere);
      expect(told).toMatchObject({ count: 40, hasMore: true });
      expect(told.remaining).toBeGreaterThan(0);
      const page = { summary: inWorker.summary, cursor: inWorker.nextCursor, at: new Date() };
      expect(pageToCommit({ ...page, checked: inWorker.checked })).toEqual(pageToCommit({ ...page, checked: onCore.checked }));
      expect(pageToCommit({ ...page, checked: inWorker.checked }).changes).toHaveLength(40);
      // The next page follows from the cursor this one named.
      const next = await reader.read(client, { cursor: inWorker.nextCursor, limit: 40 });
      expect(next.count).toBeGreaterThan(0);
      expect(log).toEqual([]);
    } finally {
      reader.close();
    }
  });

  it('quarantines a malformed record and one with a lone surrogate alone; their neighbours land', async () => {
    const spoil = (body: unknown) => {
      const page = body as { changes: { record: Record<string, unknown> | null }[] };
      page.changes[1]!.record = { ...page.changes[1]!.record, version: 'two' };
      page.changes[2]!.record = { ...page.changes[2]!.record, id: `${String(page.changes[2]!.record?.id)}\uD800` };
      return page;
    };
    await throughProxy((_n) => ({ kind: 'rewrite', edit: spoil }), async (reader, client) => {
      const read = await reader.read(client, firstPage);
      const { changes, quarantined } = pageToCommit({ checked: read.checked, summary: read.summary, cursor: read.nextCursor, at: new Date() });
      expect(read.summary.quarantined).toBe(2);
      expect(changes).toHaveLength(38);
      expect(quarantined.map((q) => q.path)).toEqual(['record.version', 'record.id']);
    });
  });

  it('names where a page breaks the contract, and says so of a body that is not JSON', async () => {
    await throughProxy((n) => (n === 1 ? { kind: 'rewrite', edit: (body) => ({ ...(body as object), hasMore: 'yes' }) } : { kind: 'text', status: 200, text: '<html>502 Bad Gateway</html>' }), async (reader, client) => {
      const broken = await failureOf(reader.read(client, firstPage));
      expect(broken).toMatchObject({ code: 'platform_invalid_response', extra: { path: 'answer.hasMore' } });
      expect(broken.message).toMatch(/^listChanges: .* at hasMore$/);
      const garbled = await failureOf(reader.read(client, firstPage));
      expect(garbled).toMatchObject({ code: 'platform_invalid_response', extra: { path: 'answer' } });
      expect(garbled.message).toContain('the answer is not JSON');
    });
  });

  it('takes refusals as every call does: an expired token renewed once, a reset cursor passed on', async () => {
    const plan = (n: number, url: string): Fault => {
      if (!feedOnly(url)) return { kind: 'pass' };
      if (n === 1) return { kind: 'answer', status: 401, body: { code: 'token_expired', message: 'expired' } };
      if (n === 3) return { kind: 'answer', status: 410, body: { code: 'cursor_reset', message: 'start again' } };
      return { kind: 'pass' };
    };
    await throughProxy(plan, async (reader, client, renewals) => {
      const read = await reader.read(client, firstPage);
      expect(read.count).toBe(40);
      expect(renewals()).toBe(1);
      expect(await failureOf(reader.read(client, firstPage))).toMatchObject({ code: 'cursor_reset', extra: { status: 410 } });
    });
  });

  it('reads on the core\'s thread what a stopped worker was reading, and what comes after', async () => {
    const tokens = await signedInTokens(sandbox.url);
    const client = createPlatformClient({ baseUrl: sandbox.url, tokens });
    const log: string[] = [];
    const reader = new WorkerFeedReader((line) => log.push(line));
    const inside = reader as unknown as { worker: Worker | null; waiting: Map<number, unknown> };
    try {
      // The worker kept busy (a page of 200,000 records, none of them valid), so the page read
      // next is surely in its hands, not yet answered, when the worker goes.
      const busy = new TextEncoder().encode(JSON.stringify({ changes: Array(200_000).fill(0), nextCursor: 'x', hasMore: false }));
      inside.worker!.postMessage({ id: 0, bytes: busy });
      const reading = reader.read(client, firstPage);
      await waitFor(() => inside.waiting.size === 1, 'the page sent to the worker');
      await inside.worker!.terminate();
      const read = await reading;
      expect(read.count).toBe(40);
      expect(read.checked).not.toBeInstanceOf(Uint8Array);
      expect(log.join('\n')).toMatch(/feed reader exited .*the feed is read on the core's thread/);
      expect((await reader.read(client, { cursor: read.nextCursor, limit: 40 })).checked).not.toBeInstanceOf(Uint8Array);
    } finally {
      reader.close();
    }
  });
});
