import { expect, it } from 'vitest';
import { feedReset } from './feed-reset';

it(`${feedReset.id}: ${feedReset.mustHold}`, async () => {
  const result = await feedReset.run('ci');
  console.log(`${feedReset.id}: ${result.measured}`);
  expect(result.problems, result.measured).toEqual([]);
  expect(result.ok).toBe(true);
}, 90_000);
