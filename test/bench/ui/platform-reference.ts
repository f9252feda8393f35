import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { platformToken } from '../../e2e/support/platform';

/**
 * Decide-and-next as a web moderation tool does it, straight against the platform API: post the
 * decision, then claim the next item and fetch it — three requests in turn. The list of pending
 * ids is read from the sandbox's database up front and not timed (generous to the reference: a
 * real tool would also page the queue from the platform).
 */
export async function timePlatformDecisions(platformUrl: string, sandboxDir: string, count: number): Promise<number[]> {
  const db = new Database(join(sandboxDir, 'platform.sqlite'), { readonly: true, fileMustExist: true });
  // The newest pending items: the console works from the oldest, so the two never meet.
  const ids = (db.prepare("SELECT id FROM listings WHERE status = 'pending' ORDER BY created_at DESC LIMIT ?").all(count + 1) as { id: string }[]).map((r) => r.id);
  db.close();
  const token = await platformToken(platformUrl, 'mod.lin');
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${platformUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  const fetchNext = async (id: string) => {
    await call('POST', '/v1/moderation/claims', { listingIds: [id] });
    return call<{ listing: { id: string; version: number } } | { id: string; version: number }>('GET', `/v1/listings/${id}`);
  };
  const versionOf = (answer: { listing: { version: number } } | { version: number }) => ('listing' in answer ? answer.listing.version : answer.version);
  let current = await fetchNext(ids[0]!);
  const times: number[] = [];
  for (let i = 1; i <= count; i += 1) {
    const started = performance.now();
    await call('POST', '/v1/moderation/decisions', {
      idempotencyKey: randomUUID(),
      listingId: ids[i - 1],
      action: 'approve',
      basedOnVersion: versionOf(current),
    });
    current = await fetchNext(ids[i]!);
    times.push(performance.now() - started);
  }
  return times;
}
