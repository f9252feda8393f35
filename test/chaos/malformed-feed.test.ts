import { expect, it } from 'vitest';
import { malformedFeed } from './malformed-feed';

it('a feed that corrupts every n-th record: the bad ones wait in quarantine, the rest land, later good versions resolve them', async () => {
  const result = await malformedFeed.run('ci');
  console.log(`malformed feed: ${result.measured}`);
  expect(result.problems, result.measured).toEqual([]);
  expect(result.ok).toBe(true);
}, 90_000);
