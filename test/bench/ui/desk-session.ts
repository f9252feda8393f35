import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { chromium, type Browser, type Page } from 'playwright-core';
import { E2E_PASSWORD } from '../../e2e/support/processes';

const root = new URL('../../..', import.meta.url).pathname;

/** Debian's Chromium with the flags TOOLCHAIN.md lists: playwright cannot download its own here. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run', ...(process.env.BENCH_JS_FLAGS ? [`--js-flags=${process.env.BENCH_JS_FLAGS}`] : [])],
  });
}

export interface BenchDesk {
  url: string;
  platformUrl: string;
  stop(): Promise<void>;
}

/**
 * The bridge, its core and its own sandbox, like startDesk in test/e2e/support, but wrapped in
 * its own D-Bus session and unlocked keyring: `npm run bench` is not run under the keyring
 * wrapper. The keyring folder lives beside the data so a cache kept in workDir can be reopened
 * with the keys it was written with.
 */
export function startBenchDesk(dataDir: string, platform: { listings: number } | { url: string }): Promise<BenchDesk> {
  mkdirSync(join(dataDir, 'keyring'), { recursive: true });
  // Its own seeded sandbox, or a platform already running (the 1M one the sync rows use).
  const source = 'url' in platform ? ['--platform', platform.url] : ['--staff-password', E2E_PASSWORD, '--listings', String(platform.listings)];
  const bridge = [join(root, 'node_modules/.bin/tsx'), 'electron/bridge/cli.ts', '--data', dataDir, '--poll-ms', '300', ...source];
  const script = `echo -n x | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1; exec ${bridge.map((a) => `'${a}'`).join(' ')}`;
  // detached: a process group of its own, so stop() ends dbus, the keyring and the bridge together.
  const child = spawn('dbus-run-session', ['--', 'sh', '-c', script], {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, XDG_DATA_HOME: join(dataDir, 'keyring') },
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      const timer = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), 10_000);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      process.kill(-child.pid!, 'SIGTERM');
    });
  return new Promise((resolve, reject) => {
    let platformUrl = '';
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const platform = /^platform at (\S+)$/.exec(line);
      if (platform) platformUrl = platform[1]!;
      const web = /^desk web at (\S+)$/.exec(line);
      if (web) resolve({ url: web[1]!, platformUrl, stop });
    });
    child.once('exit', (code) => reject(new Error(`the desk exited ${code} before it was ready:\n${stderr}`)));
  });
}

/**
 * The sign-in form, then the queue: the same steps as test/e2e/support/session.ts, without the
 * test runner's expect. `waitForRows` false: a first sync of a large platform shows the table long before rows.
 */
export async function signIn(page: Page, url: string, username: string, waitForRows = true, password = E2E_PASSWORD): Promise<void> {
  await page.goto(url);
  const form = page.getByTestId('sign-in-form');
  // A desk reopened on a kept data folder resumes its session: no form then.
  await form.or(page.getByTestId('queue-table')).first().waitFor({ timeout: 60_000 });
  if (await form.isVisible()) await fillSignIn(page, username, password);
  await page.getByTestId('queue-table').waitFor({ timeout: 60_000 });
  if (waitForRows) await page.getByTestId('queue-row').first().waitFor({ timeout: 60_000 });
}

async function fillSignIn(page: Page, username: string, password: string): Promise<void> {
  const form = page.getByTestId('sign-in-form');
  await form.getByLabel(/用户名/).fill(username);
  await form.getByLabel(/密码/).fill(password);
  await form.getByRole('button', { name: /登录/ }).click();
}
