import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createDeskCore } from '../core/desk-core';
import { startSandbox } from '../sandbox/server';
import { startBridge } from './bridge-server';

/**
 * `npm run dev:web`: the console in a browser. Starts the sandbox platform (unless --platform
 * names one), the core, and the bridge; prints `desk web at <url>` when ready (the URL carries
 * the per-launch token), and `platform at <url>` so scripts can check the platform directly.
 */
const usage = 'usage: npm run dev:web -- [--platform URL] [--data DIR] [--port N] [--sandbox-data DIR] [--listings N] [--staff-password PW]';

async function main() {
  const { values } = parseArgs({
    options: {
      platform: { type: 'string' },
      data: { type: 'string' },
      port: { type: 'string' },
      'sandbox-data': { type: 'string' },
      listings: { type: 'string' },
      'staff-password': { type: 'string' },
      'poll-ms': { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.log(usage);
    return;
  }
  const rendererDir = resolve('out/renderer');
  if (!existsSync(resolve(rendererDir, 'index.html'))) {
    throw new Error('out/renderer/index.html is missing: run `npm run build` (dev:web does it for you)');
  }
  const dataDir = resolve(values.data ?? '.desk-data');
  const sandbox = values.platform
    ? null
    : await startSandbox({
        dataDir: resolve(values['sandbox-data'] ?? `${dataDir}/sandbox`),
        port: 0,
        listings: values.listings ? Number(values.listings) : undefined,
        staffPassword: values['staff-password'],
      });
  const platformUrl = values.platform ?? sandbox!.url;
  const core = await createDeskCore({
    dataDir,
    defaultPlatformUrl: platformUrl,
    demoAccounts: sandbox?.staff ?? null,
    pollMs: values['poll-ms'] ? Number(values['poll-ms']) : undefined,
  });
  const bridge = await startBridge({
    core,
    rendererDir,
    token: randomBytes(24).toString('base64url'),
    port: values.port ? Number(values.port) : 0,
  });
  console.log(`platform at ${platformUrl}`);
  console.log(`desk web at ${bridge.url}`);
  const stop = () => {
    void (async () => {
      await bridge.close();
      await core.close();
      await sandbox?.close();
      process.exit(0);
    })();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`dev:web failed: ${(error as Error).message}\n${usage}`);
  process.exit(1);
});
