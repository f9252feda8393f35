import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { temporaryFolder } from '../../test/fixtures/folders';
import { createCoreLog, LOG_FILE } from './core-log';

const folders: { remove(): void }[] = [];
afterEach(() => folders.splice(0).forEach((f) => f.remove()));

describe('the core log', () => {
  it('redacts every line before it reaches desk.log or the echo', () => {
    const dir = temporaryFolder();
    folders.push(dir);
    const echoed: string[] = [];
    const log = createCoreLog(dir.path, (line) => echoed.push(line));
    log('refresh failed for xtr_Qm9yZS1zZWNyZXQtcmVmcmVzaC10b2tlbg; seller 13800138000; body {"password":"hunter2-2026"}');
    const text = readFileSync(join(dir.path, LOG_FILE), 'utf8');
    for (const secret of ['xtr_Qm9y', '13800138000', 'hunter2']) {
      expect(text).not.toContain(secret);
      expect(echoed.join('\n')).not.toContain(secret);
    }
    expect(text).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z refresh failed for \[redacted\]; seller 138\*\*\*\*8000/);
    expect(statSync(join(dir.path, LOG_FILE)).mode & 0o777).toBe(0o600);
  });

  it('rotates a log past its size once, and never throws when it cannot write', () => {
    const dir = temporaryFolder();
    folders.push(dir);
    writeFileSync(join(dir.path, LOG_FILE), 'x'.repeat(5 * 1024 * 1024 + 1));
    createCoreLog(dir.path, () => undefined)('after rotation');
    expect(existsSync(join(dir.path, `${LOG_FILE}.1`))).toBe(true);
    expect(readFileSync(join(dir.path, LOG_FILE), 'utf8')).toMatch(/after rotation\n$/);
    const echoed: string[] = [];
    // A data folder that is a file: nothing can be written, the line still reaches the echo.
    expect(() => createCoreLog(join(dir.path, LOG_FILE), (line) => echoed.push(line))('still said')).not.toThrow();
    expect(echoed).toEqual(['still said']);
  });
});
