import { execFileSync } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CoreConnection, CoreSupervisor, coreArgs, coreEnv, coreExecArgv, forkCore, type CorePort } from './core-process';

/** The utility process as the main process sees it: postMessage out, 'message' and 'exit' in. */
class FakePort extends EventEmitter implements CorePort {
  sent: unknown[] = [];
  killed = false;
  postMessage(message: unknown) {
    this.sent.push(message);
  }
  kill() {
    this.killed = true;
    return true;
  }
  reply(message: unknown) {
    this.emit('message', message);
  }
  invokes() {
    return this.sent as { type: string; id: number; channel: string; input: unknown }[];
  }
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

afterEach(() => {
  vi.useRealTimers();
});

describe('CoreConnection', () => {
  it('waits for ready before sending, then correlates results by id', async () => {
    const port = new FakePort();
    const connection = new CoreConnection(port);
    const first = connection.invoke('sync:status', {});
    const second = connection.invoke('outbox:list', {});
    await flush();
    expect(port.sent).toEqual([]);
    port.reply({ type: 'ready' });
    await flush();
    expect(port.invokes()).toEqual([
      { type: 'invoke', id: 1, channel: 'sync:status', input: {} },
      { type: 'invoke', id: 2, channel: 'outbox:list', input: {} },
    ]);
    // Answers may come back in any order.
    port.reply({ type: 'result', id: 2, result: { ok: true, output: { entries: [] } } });
    port.reply({ type: 'result', id: 1, result: { ok: false, error: { code: 'not_signed_in', message: 'sign in' } } });
    await expect(second).resolves.toEqual({ ok: true, output: { entries: [] } });
    await expect(first).resolves.toEqual({ ok: false, error: { code: 'not_signed_in', message: 'sign in' } });
    expect(connection.pendingCount).toBe(0);
  });

  it('fails a call the core does not answer in time, and ignores its late answer', async () => {
    vi.useFakeTimers();
    const port = new FakePort();
    const connection = new CoreConnection(port, { timeoutMs: 1_000 });
    port.reply({ type: 'ready' });
    const call = connection.invoke('sync:now', {});
    await vi.advanceTimersByTimeAsync(1_001);
    await expect(call).resolves.toMatchObject({ ok: false, error: { code: 'internal' } });
    port.reply({ type: 'result', id: 1, result: { ok: true, output: { started: true } } });
    expect(connection.pendingCount).toBe(0);
  });

  it('turns an unreadable result into internal for that call only', async () => {
    const port = new FakePort();
    const connection = new CoreConnection(port);
    port.reply({ type: 'ready' });
    const call = connection.invoke('sync:status', {});
    await flush();
    port.reply({ type: 'result', id: 1, result: { ok: 'maybe' } });
    await expect(call).resolves.toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('ignores malformed messages and unknown result ids', async () => {
    const port = new FakePort();
    const log = vi.fn();
    const connection = new CoreConnection(port, { log });
    port.reply('hello');
    port.reply({ type: 'result', id: 'one' });
    port.reply({ type: 'result', id: 99, result: { ok: true, output: 1 } });
    expect(log).toHaveBeenCalledTimes(2);
    expect(connection.pendingCount).toBe(0);
  });

  it('passes contract events on and drops others', () => {
    const port = new FakePort();
    const connection = new CoreConnection(port);
    const seen = vi.fn();
    connection.onEvent(seen);
    port.reply({ type: 'event', name: 'outbox:changed', payload: { pending: 3 } });
    port.reply({ type: 'event', name: 'vault:token', payload: 'secret' });
    expect(seen).toHaveBeenCalledExactlyOnceWith('outbox:changed', { pending: 3 });
  });

  it('fails pending calls with internal when the core exits, and refuses new ones', async () => {
    const port = new FakePort();
    const connection = new CoreConnection(port);
    const exit = vi.fn();
    connection.onExit(exit);
    port.reply({ type: 'ready' });
    const call = connection.invoke('moderation:queue', {});
    await flush();
    port.emit('exit', 134);
    await expect(call).resolves.toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(exit).toHaveBeenCalledWith(134);
    await expect(connection.invoke('sync:status', {})).resolves.toMatchObject({ error: { code: 'internal' } });
  });

  it('close kills the process without reporting an unexpected exit', async () => {
    const port = new FakePort();
    const connection = new CoreConnection(port);
    const exit = vi.fn();
    connection.onExit(exit);
    const call = connection.invoke('sync:status', {});
    connection.close();
    expect(port.killed).toBe(true);
    await expect(call).resolves.toMatchObject({ error: { code: 'internal' } });
    port.emit('exit', 0);
    expect(exit).not.toHaveBeenCalled();
  });
});

describe('CoreSupervisor', () => {
  function supervised() {
    const ports: FakePort[] = [];
    const events = vi.fn();
    const ready = vi.fn();
    const exits = vi.fn();
    const supervisor = new CoreSupervisor({
      spawn: () => {
        const port = new FakePort();
        ports.push(port);
        return port;
      },
      onEvent: events,
      onReady: ready,
      onExit: exits,
    });
    supervisor.start();
    return { supervisor, ports, events, ready, exits };
  }

  it('restarts a core that dies once, failing its pending calls', async () => {
    const { supervisor, ports, ready, exits } = supervised();
    ports[0]!.reply({ type: 'ready' });
    await flush();
    expect(ready).toHaveBeenCalledTimes(1);
    const call = supervisor.invoke('sync:status', {});
    await flush();
    ports[0]!.emit('exit', 1);
    await expect(call).resolves.toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(exits).toHaveBeenCalledWith(1, true);
    expect(ports).toHaveLength(2);

    // The replacement serves calls once it is ready.
    const next = supervisor.invoke('sync:status', {});
    ports[1]!.reply({ type: 'ready' });
    await flush();
    expect(ready).toHaveBeenCalledTimes(2);
    ports[1]!.reply({ type: 'result', id: 1, result: { ok: true, output: 'fine' } });
    await expect(next).resolves.toEqual({ ok: true, output: 'fine' });
  });

  it('does not restart a second time', async () => {
    const { supervisor, ports, exits } = supervised();
    ports[0]!.emit('exit', 1);
    ports[1]!.emit('exit', 1);
    expect(ports).toHaveLength(2);
    expect(exits).toHaveBeenLastCalledWith(1, false);
    expect(supervisor.running).toBe(false);
    await expect(supervisor.invoke('sync:status', {})).resolves.toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('forwards events from whichever core is running', () => {
    const { ports, events } = supervised();
    ports[0]!.reply({ type: 'event', name: 'cache:changed', payload: { entityTypes: ['listing'] } });
    ports[0]!.emit('exit', 1);
    ports[1]!.reply({ type: 'event', name: 'outbox:changed', payload: { pending: 1 } });
    expect(events.mock.calls).toEqual([
      ['cache:changed', { entityTypes: ['listing'] }],
      ['outbox:changed', { pending: 1 }],
    ]);
  });

  it('stop kills the core and does not restart it', () => {
    const { supervisor, ports, exits } = supervised();
    supervisor.stop();
    expect(ports[0]!.killed).toBe(true);
    ports[0]!.emit('exit', 0);
    expect(ports).toHaveLength(1);
    expect(exits).not.toHaveBeenCalled();
  });
});

describe('the core command line', () => {
  it('names the data folder and platform; demo accounts go in the environment, never on the command line', () => {
    expect(coreArgs({ dataDir: '/u/desk', platformUrl: 'https://platform.xuntong.example', demoAccounts: null })).toEqual([
      '--data', '/u/desk', '--platform', 'https://platform.xuntong.example',
    ]);
    const accounts = [{ role: 'moderator' as const, username: 'mod01', password: 'p w"\'' }];
    const launch = { dataDir: '/u/desk', platformUrl: 'http://127.0.0.1:4780', demoAccounts: accounts };
    expect(coreArgs(launch).join(' ')).not.toContain('mod01');
    const env = coreEnv(launch, { PATH: '/bin', XUNTONG_DEMO_ACCOUNTS: 'stale', UNSET: undefined });
    expect(JSON.parse(env.XUNTONG_DEMO_ACCOUNTS!)).toEqual(accounts);
    expect(env.PATH).toBe('/bin');
    expect(coreEnv({ ...launch, demoAccounts: null }, { XUNTONG_DEMO_ACCOUNTS: 'stale' })).toEqual({});
  });

  it('forks the core entry with those arguments, and with its flags', () => {
    const fork = vi.fn(() => new FakePort() as never);
    forkCore(fork, '/app/out/main/core.js', { dataDir: '/d', platformUrl: 'http://127.0.0.1:1', demoAccounts: null });
    expect(fork).toHaveBeenCalledWith('/app/out/main/core.js', ['--data', '/d', '--platform', 'http://127.0.0.1:1'], expect.objectContaining({ stdio: 'inherit', execArgv: [...coreExecArgv] }));
  });

  it("the core's flags hold a worker's young generation to 4 MB semi-spaces, where Node's own let it grow to 16", () => {
    // A worker that keeps the last few of many batches alive, so that V8 grows its young generation as far as it may.
    const worker = `
      const { Worker } = require('node:worker_threads');
      new Worker(\`
        const v8 = require('node:v8');
        const { parentPort } = require('node:worker_threads');
        const kept = [];
        let most = 0;
        for (let round = 0; round < 150; round++) {
          kept.push(Array.from({ length: 20000 }, (_, i) => ({ i, text: '天河区' + i })));
          if (kept.length > 8) kept.shift();
          most = Math.max(most, v8.getHeapSpaceStatistics().find((space) => space.space_name === 'new_space').space_size);
        }
        parentPort.postMessage(most);
      \`, { eval: true }).on('message', (most) => console.log(most / 2 ** 20));`;
    const youngMb = (flags: readonly string[]) => Number(execFileSync(process.execPath, [...flags, '-e', worker], { encoding: 'utf8' }).trim());
    // The new space is two semi-spaces.
    expect(youngMb(coreExecArgv)).toBeLessThanOrEqual(8);
    expect(youngMb([])).toBeGreaterThan(8);
  });
});
