import { expect, it } from 'vitest';
import { crashWithOutbox } from './crash-with-outbox';

it(`${crashWithOutbox.fault} → ${crashWithOutbox.mustHold}`, async () => {
  const result = await crashWithOutbox.run('ci');
  console.log(`[${crashWithOutbox.id}] ${result.measured}`);
  expect(result.ok, [result.measured, ...result.problems].join('\n')).toBe(true);
}, 120_000);
