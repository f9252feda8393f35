import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { roles } from '../../shared/platform/roles';
import { temporaryFolder } from '../../test/fixtures/sandbox';

const folder = temporaryFolder();
afterAll(() => folder.remove());

const tsx = new URL('../../node_modules/.bin/tsx', import.meta.url).pathname;
const cli = new URL('./cli.ts', import.meta.url).pathname;

function run(args: string[]) {
  const child = spawn(tsx, [cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const ready = new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      lines.push(line);
      const match = /^sandbox listening on (http:\/\/127\.0\.0\.1:\d+)$/.exec(line);
      if (match) resolve(match[1]!);
    });
    child.on('exit', (code) => reject(new Error(`exited ${code}: ${stderr}`)));
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, lines, ready, exited, stderr: () => stderr };
}

describe('npm run sandbox', () => {
  it('prints one staff line per demo account, at least one per role, then the one ready line', async () => {
    const sandbox = run(['--port', '0', '--data', folder.path, '--listings', '40', '--staff-password', 'cli-pass-1']);
    const url = await sandbox.ready;
    try {
      const staff = sandbox.lines.filter((l) => l.startsWith('staff '));
      expect(sandbox.lines.filter((l) => l.startsWith('sandbox listening on'))).toHaveLength(1);
      expect(sandbox.lines.at(-1)).toMatch(/^sandbox listening on/);
      for (const role of roles) expect(staff.some((l) => l.startsWith(`staff ${role} `))).toBe(true);
      for (const line of staff) expect(line).toMatch(/^staff \S+ \S+ cli-pass-1$/);
      const login = await fetch(`${url}/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: staff[0]!.split(' ')[2], password: 'cli-pass-1' }),
      });
      expect(login.status).toBe(200);
    } finally {
      sandbox.child.kill('SIGTERM');
      expect(await sandbox.exited).toBe(0);
    }
  });

  it('keeps its generated demo passwords across restarts of one data folder', async () => {
    const dir = temporaryFolder();
    const passwords = async () => {
      const sandbox = run(['--port', '0', '--data', dir.path, '--listings', '20']);
      await sandbox.ready;
      sandbox.child.kill('SIGTERM');
      await sandbox.exited;
      return sandbox.lines.filter((l) => l.startsWith('staff '));
    };
    const first = await passwords();
    expect(first[0]).toMatch(/^staff moderator mod\.chen xt-\S{8}$/);
    expect(await passwords()).toEqual(first);
    dir.remove();
  });

  it('rejects a bad flag with a message and exit code 2', async () => {
    const sandbox = run(['--listings', 'many']);
    await expect(sandbox.ready).rejects.toThrow(/--listings must be a whole number/);
    expect(await sandbox.exited).toBe(2);
  });
});
