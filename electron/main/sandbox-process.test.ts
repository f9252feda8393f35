import { EventEmitter } from 'node:events';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LineSplitter, configuredPlatformUrl, parseSandboxOutput, sandboxArgs, startEmbeddedSandbox, type SandboxChild } from './sandbox-process';

const output = [
  'staff moderator mod01 Xt-3f9a-Kq',
  'staff senior_moderator smod01 Xt-88aa-Zz',
  'staff cs_agent cs01 Xt-1111-Aa',
  'staff legal legal01 Xt-2222-Bb',
  'staff dpo dpo01 Xt-3333-Cc',
  'sandbox listening on http://127.0.0.1:41234',
];

describe('parseSandboxOutput', () => {
  it('reads the demo accounts and the URL', () => {
    expect(parseSandboxOutput(output)).toEqual({
      url: 'http://127.0.0.1:41234',
      accounts: [
        { role: 'moderator', username: 'mod01', password: 'Xt-3f9a-Kq' },
        { role: 'senior_moderator', username: 'smod01', password: 'Xt-88aa-Zz' },
        { role: 'cs_agent', username: 'cs01', password: 'Xt-1111-Aa' },
        { role: 'legal', username: 'legal01', password: 'Xt-2222-Bb' },
        { role: 'dpo', username: 'dpo01', password: 'Xt-3333-Cc' },
      ],
    });
  });

  it('is null until the listening line arrives', () => {
    expect(parseSandboxOutput([])).toBeNull();
    expect(parseSandboxOutput(output.slice(0, 5))).toBeNull();
  });

  it('tolerates noise, CRLF and other log lines, and skips unknown roles', () => {
    const parsed = parseSandboxOutput(['seeding 3000 listings…', 'staff moderator mod01 pw-1\r', 'staff root admin hunter2', 'staff moderator', 'sandbox listening on http://127.0.0.1:4780\r']);
    expect(parsed).toEqual({ url: 'http://127.0.0.1:4780', accounts: [{ role: 'moderator', username: 'mod01', password: 'pw-1' }] });
  });

  it('keeps a password with spaces whole', () => {
    expect(parseSandboxOutput(['staff dpo dpo01 correct horse battery', 'sandbox listening on http://localhost:9000'])?.accounts[0]?.password).toBe('correct horse battery');
  });

  it('refuses a listening URL that is not loopback http', () => {
    expect(parseSandboxOutput(['sandbox listening on https://evil.example'])).toBeNull();
    expect(parseSandboxOutput(['sandbox listening on http://10.0.0.2:4780'])).toBeNull();
    expect(parseSandboxOutput(['sandbox listening on nonsense'])).toBeNull();
  });
});

describe('LineSplitter', () => {
  it('joins lines split across chunks', () => {
    const splitter = new LineSplitter();
    expect(splitter.push('staff moder')).toEqual([]);
    expect(splitter.push(Buffer.from('ator m p\r\nsandbox listen'))).toEqual(['staff moderator m p']);
    expect(splitter.push('ing on http://127.0.0.1:1\n')).toEqual(['sandbox listening on http://127.0.0.1:1']);
  });
});

describe('configuredPlatformUrl', () => {
  it('is null when unset or blank, the URL when http(s), an error otherwise', () => {
    expect(configuredPlatformUrl({})).toBeNull();
    expect(configuredPlatformUrl({ XUNTONG_PLATFORM_URL: '  ' })).toBeNull();
    expect(configuredPlatformUrl({ XUNTONG_PLATFORM_URL: 'https://staff.xuntong.example/' })).toBe('https://staff.xuntong.example');
    expect(() => configuredPlatformUrl({ XUNTONG_PLATFORM_URL: 'staff.xuntong.example' })).toThrow(/not a URL/);
    expect(() => configuredPlatformUrl({ XUNTONG_PLATFORM_URL: 'file:///etc' })).toThrow(/https/);
  });

  it('accepts plain http on loopback only, and never credentials in the URL', () => {
    for (const url of ['http://127.0.0.1:8787', 'http://localhost:8787/', 'http://[::1]:8787']) {
      expect(configuredPlatformUrl({ XUNTONG_PLATFORM_URL: url }), url).toBe(url.replace(/\/$/, ''));
    }
    for (const url of ['http://staff.xuntong.example', 'http://10.0.0.5:8787', 'http://127.0.0.1.evil.example/', 'ws://127.0.0.1:1']) {
      expect(() => configuredPlatformUrl({ XUNTONG_PLATFORM_URL: url }), url).toThrow(/https/);
    }
    expect(() => configuredPlatformUrl({ XUNTONG_PLATFORM_URL: 'https://a:b@staff.xuntong.example' })).toThrow(/credentials/);
  });
});

class FakeChild extends EventEmitter implements SandboxChild {
  stdout = new PassThrough();
  stderr = new PassThrough();
  killed = false;
  kill() {
    this.killed = true;
    return true;
  }
}

describe('startEmbeddedSandbox', () => {
  afterEach(() => vi.useRealTimers());

  function start(timeoutMs?: number) {
    const child = new FakeChild();
    const fork = vi.fn(() => child);
    const log = vi.fn();
    const running = startEmbeddedSandbox({ fork, modulePath: '/app/out/main/sandbox.js', dataDir: '/u/sandbox', seedDatabase: '/app/out/seed/platform.sqlite', timeoutMs, log });
    return { child, fork, log, running };
  }

  it('starts the sandbox on a free port with its data folder and piped output', () => {
    const { fork } = start();
    expect(fork).toHaveBeenCalledWith('/app/out/main/sandbox.js', ['--port', '0', '--data', '/u/sandbox', '--seed-database', '/app/out/seed/platform.sqlite'], expect.objectContaining({ stdio: 'pipe' }));
    expect(sandboxArgs('/d', '/app/out/seed/platform.sqlite')).toEqual(['--port', '0', '--data', '/d', '--seed-database', '/app/out/seed/platform.sqlite']);
  });

  it('resolves with the URL and accounts once it listens, keeps passwords out of the log, and stops it', async () => {
    const { child, log, running } = start();
    child.stdout.write(output.slice(0, 3).join('\n') + '\n');
    child.stdout.write(output.slice(3).join('\n').slice(0, -5));
    child.stdout.write(output.join('\n').slice(-5) + '\n');
    const sandbox = await running;
    expect(sandbox.url).toBe('http://127.0.0.1:41234');
    expect(sandbox.accounts).toHaveLength(5);
    expect(JSON.stringify(log.mock.calls)).not.toContain('Xt-3f9a-Kq');
    sandbox.stop();
    expect(child.killed).toBe(true);
  });

  it('rejects with the sandbox’s last words when it exits before listening', async () => {
    const { child, running } = start();
    child.stderr.write('sandbox failed to start: EACCES /u/sandbox\n');
    await new Promise((resolve) => setImmediate(resolve));
    child.emit('exit', 1);
    await expect(running).rejects.toThrow(/code 1.*EACCES/);
  });

  it('gives up and kills it after the timeout', async () => {
    vi.useFakeTimers();
    const { child, running } = start(1_000);
    const outcome = expect(running).rejects.toThrow(/did not start/);
    await vi.advanceTimersByTimeAsync(1_001);
    await outcome;
    expect(child.killed).toBe(true);
  });
});
