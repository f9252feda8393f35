import { parseArgs } from 'node:util';
import { z } from 'zod';
import { DemoAccount } from '../../shared/ipc/views';
import { redactSecrets } from '../../shared/redact';
import { createDeskCore } from './desk-core';

/**
 * Entry of the core when it runs as its own process: an Electron utility process (messages on
 * `process.parentPort`) or a Node child process (`process.send`). The host sends
 * `{type:'invoke', id, channel, input}`; the core answers `{type:'result', id, result}`, pushes
 * `{type:'event', name, payload}`, and says `{type:'ready'}` once it can serve.
 */
interface ParentPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
}

const Invoke = z.object({ type: z.literal('invoke'), id: z.number().int(), channel: z.string(), input: z.unknown() });

function hostChannel() {
  const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort;
  if (parentPort) {
    return { send: (m: unknown) => parentPort.postMessage(m), listen: (fn: (m: unknown) => void) => parentPort.on('message', (e) => fn(e.data)) };
  }
  if (process.send) {
    const send = process.send.bind(process);
    return { send: (m: unknown) => send(m), listen: (fn: (m: unknown) => void) => process.on('message', fn) };
  }
  throw new Error('the core process needs a host: start it as a utility process or a forked child');
}

async function main() {
  const { values } = parseArgs({
    options: { data: { type: 'string' }, platform: { type: 'string' } },
  });
  if (!values.data || !values.platform) throw new Error('usage: core --data DIR --platform URL (demo accounts in XUNTONG_DEMO_ACCOUNTS)');
  // The demo platform's accounts come in the environment: a command line is visible to every local user.
  const demoText = process.env.XUNTONG_DEMO_ACCOUNTS;
  const demoAccounts = demoText ? z.array(DemoAccount).parse(JSON.parse(demoText)) : null;
  const host = hostChannel();
  // Every line the core logs is redacted and kept in desk.log in the data folder, then echoed to stderr for the host.
  const core = await createDeskCore({ dataDir: values.data, defaultPlatformUrl: values.platform, demoAccounts, log: (line) => console.error(line) });
  core.on((name, payload) => host.send({ type: 'event', name, payload }));
  host.listen((message) => {
    const invoke = Invoke.safeParse(message);
    if (!invoke.success) return;
    const { id, channel, input } = invoke.data;
    void core.dispatch(channel, input).then((result) => host.send({ type: 'result', id, result }));
  });
  host.send({ type: 'ready' });
  const shutdown = () => void core.close().then(() => process.exit(0));
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

main().catch((error: unknown) => {
  console.error(redactSecrets(`core failed to start: ${(error as Error).message}`));
  process.exit(1);
});
