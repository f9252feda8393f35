import { fork } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { temporaryFolder } from '../../test/fixtures/folders';

const tsx = new URL('../../node_modules/.bin/tsx', import.meta.url).pathname;
const entry = new URL('./process.ts', import.meta.url).pathname;

describe('the core as its own process', () => {
  it('says ready, answers invocations by id and refuses what the contract does not know', async () => {
    const data = temporaryFolder();
    const demo = JSON.stringify([{ role: 'moderator', username: 'mod.chen', password: 'demo' }]);
    const child = fork(entry, ['--data', data.path, '--platform', 'http://127.0.0.1:9'], {
      execPath: tsx,
      env: { ...process.env, XUNTONG_DEMO_ACCOUNTS: demo },
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    try {
      const messages: { type: string; id?: number; result?: unknown }[] = [];
      child.on('message', (m) => messages.push(m as never));
      await expect.poll(() => messages.some((m) => m.type === 'ready'), { timeout: 20_000 }).toBe(true);
      child.send({ type: 'invoke', id: 7, channel: 'session:status', input: {} });
      child.send({ type: 'invoke', id: 8, channel: 'moderation:queue', input: {} });
      child.send({ type: 'invoke', id: 9, channel: 'process:kill', input: {} });
      child.send('garbage');
      await expect.poll(() => messages.filter((m) => m.type === 'result').length, { timeout: 10_000 }).toBe(3);
      const byId = new Map(messages.filter((m) => m.type === 'result').map((m) => [m.id, m.result]));
      expect(byId.get(7)).toMatchObject({ ok: true, output: { state: 'signed_out', demo: { accounts: [{ username: 'mod.chen' }] } } });
      expect(byId.get(8)).toMatchObject({ ok: false, error: { code: 'not_signed_in' } });
      expect(byId.get(9)).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
      expect(child.exitCode).toBeNull();
    } finally {
      child.kill();
      data.remove();
    }
  });
});
