import { expect, it } from 'vitest';
import { contention } from './contention';

it('two consoles racing for the same listing: one wins, the other is told who', async () => {
  const result = await contention.run('ci');
  console.log(`contention: ${result.measured}`);
  expect(result.problems, result.measured).toEqual([]);
  expect(result.ok).toBe(true);
}, 90_000);
