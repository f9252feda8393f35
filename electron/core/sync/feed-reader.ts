import type { Worker } from 'node:worker_threads';
import { ChangePageEnvelope } from '../../../shared/platform/changes';
import type { PlatformContract } from '../../../shared/platform/contract';
import type { CallInput } from '../../../shared/platform/endpoint';
import { invalidAnswer, type PlatformClient } from '../platform/client';
import { startWorkerScript, transferOf } from '../worker-script';
import { checkByTurns, summarize, type CheckedChanges, type PageSummary } from './feed-triage';

export type FeedQuery = NonNullable<CallInput<PlatformContract['listChanges']>['query']>;

/** A page of the change feed fetched and checked: what the sync goes on with, and the records for the writer. */
export interface ReadPage {
  nextCursor: string;
  hasMore: boolean;
  remaining?: number;
  /** Changes in the page, quarantined ones included. */
  count: number;
  summary: PageSummary;
  checked: CheckedChanges | Uint8Array;
}

export interface ReaderRequest {
  id: number;
  bytes: Uint8Array;
}

export interface ReaderReply {
  id: number;
  read?: ReadPage;
  /** The page broke the contract: where first, as zod names it. */
  invalid?: { message: string; path: string[] };
  error?: string;
}

/**
 * Fetches the change feed's pages and checks them: the page against the contract, each record
 * alone (one that does not parse goes to quarantine, its neighbours land).
 */
export interface FeedReader {
  read(client: PlatformClient, query: FeedQuery): Promise<ReadPage>;
  close(): void;
}

/** On the core's thread: decoded by the client, the records checked a slice per turn. */
export class InThreadFeedReader implements FeedReader {
  async read(client: PlatformClient, query: FeedQuery): Promise<ReadPage> {
    const page = await client.call('listChanges', { query }, ChangePageEnvelope);
    return readHere(page);
  }

  close(): void {}
}

async function readHere({ changes, nextCursor, hasMore, remaining }: ChangePageEnvelope): Promise<ReadPage> {
  const checked = await checkByTurns(changes);
  return { nextCursor, hasMore, remaining, count: changes.length, summary: summarize(checked), checked };
}

/** A body the worker could not take back, read on the core's thread instead. */
async function readBytesHere(bytes: Uint8Array): Promise<ReadPage> {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8').decode(bytes));
  } catch {
    throw invalidAnswer('listChanges', { message: 'the answer is not JSON', path: [] });
  }
  const envelope = ChangePageEnvelope.safeParse(json);
  if (!envelope.success) throw invalidAnswer('listChanges', envelope.error.issues[0]!);
  return readHere(envelope.data);
}

/**
 * The feed's pages decoded and checked in a worker thread: at a million listings, decoding a
 * page's JSON, checking its records, copying them to the writer and collecting what that left
 * kept the core's thread busy 40 % of a sync, and on two cores it then waited its turn for a CPU
 * 30–45 ms at a time. Here the core's thread only fetches a page's bytes and passes them on; the
 * records come back serialized for the writer, which the core passes on unopened. Not the
 * writer's thread: the sync asks for the next page with the cursor this one names, and the
 * writer may be 100 ms into a commit. If the worker stops, what it was reading, and all after,
 * is read on the core's thread (the pages it held fetched again: their bytes moved to it).
 */
export class WorkerFeedReader implements FeedReader {
  private worker: Worker | null;
  private nextId = 1;
  /** Pages in the worker's hands, with what fetches them again: their bytes went to the worker. */
  private readonly waiting = new Map<number, { client: PlatformClient; query: FeedQuery; resolve(page: ReadPage | Promise<ReadPage>): void; reject(error: Error): void }>();
  /** Where the pages go once the worker has stopped. */
  private readonly inThread = new InThreadFeedReader();

  constructor(private readonly log: (line: string) => void) {
    const worker = startWorkerScript(import.meta.url, { source: './feed-reader-worker.ts', built: 'feed-reader.js' }, null);
    worker.unref();
    worker.on('message', (reply: ReaderReply) => {
      const waiter = this.waiting.get(reply.id);
      if (!waiter) return;
      this.waiting.delete(reply.id);
      if (reply.read) waiter.resolve(reply.read);
      else if (reply.invalid) waiter.reject(invalidAnswer('listChanges', reply.invalid));
      else waiter.reject(new Error(`feed reader: ${reply.error}`));
    });
    worker.on('error', (error) => this.stopped(`feed reader stopped: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`));
    worker.on('exit', (code) => {
      if (this.worker === worker) this.stopped(`feed reader exited (code ${code})`);
    });
    this.worker = worker;
  }

  async read(client: PlatformClient, query: FeedQuery): Promise<ReadPage> {
    if (!this.worker) return this.inThread.read(client, query);
    const bytes = await client.body('listChanges', { query });
    const worker = this.worker;
    if (!worker) return readBytesHere(bytes);
    const id = this.nextId++;
    return new Promise<ReadPage>((resolve, reject) => {
      this.waiting.set(id, { client, query, resolve, reject });
      worker.postMessage({ id, bytes } satisfies ReaderRequest, transferOf(bytes));
    });
  }

  close(): void {
    const worker = this.worker;
    this.worker = null;
    if (worker) void worker.terminate();
    for (const waiter of this.waiting.values()) waiter.reject(new Error('the feed reader was closed'));
    this.waiting.clear();
  }

  private stopped(line: string): void {
    this.log(`${line}; the feed is read on the core's thread`);
    this.worker = null;
    // A page is fetched by its cursor alone, so the platform answers it again as it did.
    for (const waiter of this.waiting.values()) waiter.resolve(this.inThread.read(waiter.client, waiter.query));
    this.waiting.clear();
  }
}

/** The feed's reader: a worker where one can run, the core's thread where not. */
export function feedReaderFor(options: { inWorker: boolean; log: (line: string) => void }): FeedReader {
  if (!options.inWorker) return new InThreadFeedReader();
  try {
    return new WorkerFeedReader(options.log);
  } catch (error) {
    options.log(`feed reader unavailable, the feed is read on the core's thread: ${error instanceof Error ? error.message : String(error)}`);
    return new InThreadFeedReader();
  }
}
