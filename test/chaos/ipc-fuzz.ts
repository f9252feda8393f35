import Database from 'better-sqlite3';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { IpcRouter, type SenderEvent, type TrustedWindow } from '../../electron/main/ipc-router';
import { channelNames, ipcChannels, type ChannelName, type InvokeResult } from '../../shared/ipc/contract';
import { roles } from '../../shared/platform/roles';
import { validInput } from '../fixtures/channel-inputs';
import { signedInCore } from '../fixtures/desk-core';
import { startTestSandbox, temporaryFolder, TEST_STAFF_PASSWORD } from '../fixtures/sandbox';
import { describe, fuzzCase } from './ipc-fuzz-payloads';
import type { ChaosResult, ChaosScale, ChaosScenario } from './scenario';

const runs: Record<ChaosScale, number> = { ci: 3_000, soak: 100_000 };
/** Replays a run: `FUZZ_SEED=… npm run chaos`. */
const seedOf = () => Number(process.env.FUZZ_SEED ?? 20_261_129);

/**
 * Channels whose valid input would end the very session under test (sign out, lock, sign in as
 * someone else, a wrong-password unlock counting towards a forced sign-out) or throw the cache
 * under test away (rebuild): they are fuzzed with everything the router must refuse, and a payload
 * that happens to be valid is not sent. Everything else goes through to the core, valid or not.
 */
const invalidOnly = new Set<ChannelName>(['session:signIn', 'session:signOut', 'session:lock', 'session:unlock', 'cache:rebuild']);

/** Our window's main frame, as Electron would report it: the sender check passes, as for our own page. */
const frame = { url: 'app://desk/index.html', processId: 4, routingId: 1, parent: null };
const window: TrustedWindow = { webContentsId: 1, mainFrame: frame };
const event: SenderEvent = { sender: { id: 1 }, senderFrame: frame };

/** The placeholder ids of the fixture swapped for real ones, so mutated inputs can reach real records. */
function realInputs(ids: { listings: string[]; user: string }): Record<ChannelName, unknown> {
  const text = JSON.stringify(validInput).replaceAll('"L-1"', JSON.stringify(ids.listings[0])).replaceAll('"L-2"', JSON.stringify(ids.listings[1])).replaceAll('"U-1"', JSON.stringify(ids.user));
  return JSON.parse(text) as Record<ChannelName, unknown>;
}

function integrity(dataDir: string): string[] {
  const accounts = join(dataDir, 'accounts');
  return readdirSync(accounts).flatMap((folder) =>
    ['cache.sqlite', 'outbox.sqlite'].map((file) => {
      const db = new Database(join(accounts, folder, file), { readonly: true });
      const verdict = (db.pragma('integrity_check', { simple: true }) as string) ?? 'no answer';
      db.close();
      return `${file}: ${verdict}`;
    }),
  );
}

/** The oracle's own check (a lone surrogate is a code point of category Cs in a `u` regex), independent of the router's. */
function hasLoneSurrogate(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return /\p{Cs}/u.test(value);
  if (value === null || typeof value !== 'object' || depth > 32) return false;
  return Object.entries(value).some(([k, v]) => /\p{Cs}/u.test(k) || hasLoneSurrogate(v, depth + 1));
}

const prototypeNames = () => Object.getOwnPropertyNames(Object.prototype).sort().join(',');

export const ipcFuzz: ChaosScenario = {
  id: 'ipc-fuzz',
  fault: 'random and hostile IPC payloads on every channel (wrong types, extra keys, 1 MB strings, deep nesting, __proto__, NaN, lone surrogates, null bytes, huge numbers)',
  mustHold: 'every invalid payload is refused with invalid_input naming a path and never reaches the core; nothing crashes; the core stays up, the cache intact, Object.prototype clean',
  async run(scale) {
    const numRuns = runs[scale];
    const seed = seedOf();
    const folder = temporaryFolder('chaos-fuzz-');
    const sandbox = await startTestSandbox(folder.path, { listings: 300 });
    // One staff member with every role, so every channel gets past the role check to its input.
    sandbox.db.prepare("UPDATE staff SET roles = ? WHERE username = 'senior.wang'").run(JSON.stringify(roles));
    const crashes: string[] = [];
    const onRejection = (reason: unknown) => crashes.push(`unhandled rejection: ${String(reason)}`);
    const onException = (error: Error) => crashes.push(`uncaught exception: ${error.stack ?? error.message}`);
    process.on('unhandledRejection', onRejection);
    process.on('uncaughtException', onException);
    const prototypeBefore = prototypeNames();
    let desk: Awaited<ReturnType<typeof signedInCore>> | null = null;
    try {
      desk = await signedInCore(sandbox.url, 'senior.wang');
      const d = desk;
      let forwarded = 0;
      const router = new IpcRouter({
        forward: (channel, input) => {
          forwarded += 1;
          return d.core.dispatch(channel, input);
        },
        trustedWindow: () => window,
        isTrusted: (url) => url.startsWith('app://desk/'),
      });
      d.core.on((name, payload) => router.coreEvent(name, payload, null));
      router.updateSession(await d.output('session:status'));
      const quarantinedBefore = (await d.output('sync:quarantine')).total;
      const listings = (sandbox.db.prepare("SELECT id FROM listings WHERE status = 'pending' ORDER BY id LIMIT 2").all() as { id: string }[]).map((r) => r.id);
      const user = (sandbox.db.prepare('SELECT id FROM users ORDER BY id LIMIT 1').get() as { id: string }).id;
      const inputs = realInputs({ listings, user });

      const problems: string[] = [];
      const outcomes = new Map<string, number>();
      const count = (k: string) => outcomes.set(k, (outcomes.get(k) ?? 0) + 1);
      let skipped = 0;
      const started = Date.now();
      await fc.assert(
        fc.asyncProperty(fuzzCase(channelNames, inputs), async ({ channel, shape, payload }) => {
          const parsed = ipcChannels[channel].input.safeParse(payload ?? {});
          // The schema's verdict, plus the one rule outside it: text must be text (no lone surrogates).
          const valid = parsed.success && !hasLoneSurrogate(parsed.data);
          if (valid && invalidOnly.has(channel)) {
            skipped += 1;
            return;
          }
          const before = forwarded;
          let result: InvokeResult;
          try {
            result = await router.handle(channel, event, payload);
          } catch (error) {
            problems.push(`${channel} threw out of the router: ${String(error)} — ${describe(payload)}`);
            return;
          }
          const reached = forwarded - before;
          const where = `${channel} (${shape}) ${describe(payload)}`;
          if (!valid) {
            count('refused invalid_input');
            if (result.ok || result.error.code !== 'invalid_input' || !result.error.path?.startsWith('input')) {
              problems.push(`invalid payload not refused with invalid_input and a path: ${JSON.stringify(result).slice(0, 200)} — ${where}`);
            }
            if (reached !== 0) problems.push(`invalid payload reached the core — ${where}`);
            return;
          }
          count(result.ok ? 'valid: answered' : `valid: refused ${result.error.code}`);
          if (reached !== 1) problems.push(`valid payload forwarded ${reached} times — ${where}`);
          if (!result.ok && result.error.code === 'internal') problems.push(`the core failed on a valid payload: ${result.error.message} — ${where}`);
          if (router.currentSession.locked) {
            problems.push(`the console locked itself during the fuzz after ${where}`);
            await router.handle('session:unlock', event, { password: TEST_STAFF_PASSWORD });
          }
        }),
        // No shrinking: the core is stateful, so a shrunk replay would not reproduce; the seed does.
        { numRuns, seed, endOnFailure: true },
      );
      const fuzzMs = Date.now() - started;

      const status = await router.handle('session:status', event, {});
      if (!status.ok || (status.output as { state: string }).state !== 'signed_in') problems.push(`afterwards session:status answers ${JSON.stringify(status).slice(0, 200)}`);
      const quarantinedAfter = (await d.output('sync:quarantine')).total;
      if (quarantinedAfter !== quarantinedBefore) problems.push(`the quarantine grew from ${quarantinedBefore} to ${quarantinedAfter} during the fuzz`);
      const checks = integrity(d.dataDir);
      if (checks.some((c) => !c.endsWith(': ok'))) problems.push(`integrity_check: ${checks.join('; ')}`);
      if (prototypeNames() !== prototypeBefore || ({} as Record<string, unknown>).polluted !== undefined) problems.push('Object.prototype was polluted');
      problems.push(...crashes);

      const tally = [...outcomes].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', ');
      return {
        ok: problems.length === 0,
        measured:
          `${numRuns} payloads (seed ${seed}) over ${channelNames.length} channels in ${(fuzzMs / 1000).toFixed(1)} s: ${tally}; ` +
          `${skipped} valid-by-chance on session-ending channels not sent; ${forwarded} reached the core; ` +
          `core up, ${checks.join(', ')}, quarantine ${quarantinedBefore}→${quarantinedAfter}, prototype clean, ${crashes.length} unhandled`,
        problems: problems.slice(0, 40).map((p) => `[seed ${seed}] ${p}`),
      } satisfies ChaosResult;
    } finally {
      process.off('unhandledRejection', onRejection);
      process.off('uncaughtException', onException);
      await desk?.close();
      await sandbox.close();
      folder.remove();
    }
  },
};
