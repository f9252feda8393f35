/**
 * The feed reader's worker (see FeedReader): decodes a page of the change feed as the platform
 * sent it, checks it against the contract and its records one by one, and sends back what the
 * sync needs to go on (the cursor, whether more follows) with the checked records serialized
 * for the writer. Started from source through tsx, or built beside the core as feed-reader.js.
 */
import { serialize } from 'node:v8';
import { parentPort } from 'node:worker_threads';
import { ChangePageEnvelope } from '../../../shared/platform/changes';
import { checkChanges, summarize } from './feed-triage';
import { transferOf } from '../worker-script';
import { runThisThreadInBackground } from '../background-priority';
import type { ReaderReply, ReaderRequest } from './feed-reader';

runThisThreadInBackground();

const port = parentPort!;
const text = new TextDecoder('utf-8');

function read(request: ReaderRequest): ReaderReply {
  let json: unknown;
  try {
    json = JSON.parse(text.decode(request.bytes));
  } catch {
    return { id: request.id, invalid: { message: 'the answer is not JSON', path: [] } };
  }
  const envelope = ChangePageEnvelope.safeParse(json);
  if (!envelope.success) {
    const issue = envelope.error.issues[0]!;
    return { id: request.id, invalid: { message: issue.message, path: issue.path.map(String) } };
  }
  const { changes, nextCursor, hasMore, remaining } = envelope.data;
  const checked = checkChanges(changes);
  return { id: request.id, read: { nextCursor, hasMore, remaining, count: changes.length, summary: summarize(checked), checked: serialize(checked) } };
}

port.on('message', (request: ReaderRequest) => {
  try {
    const reply = read(request);
    port.postMessage(reply, transferOf(reply.read?.checked));
  } catch (error) {
    port.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) } satisfies ReaderReply);
  }
});
