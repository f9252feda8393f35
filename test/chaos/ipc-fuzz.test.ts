import { expect, it } from 'vitest';
import { ipcFuzz } from './ipc-fuzz';

it('thousands of random and hostile payloads through the real router into a real core: refused with a path, nothing crashes', async () => {
  const result = await ipcFuzz.run('ci');
  console.log(`ipc fuzz: ${result.measured}`);
  expect(result.problems, result.measured).toEqual([]);
  expect(result.ok).toBe(true);
}, 120_000);
