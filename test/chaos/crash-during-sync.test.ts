import { expect, it } from 'vitest';
import { crashDuringSync } from './crash-during-sync';

it(`${crashDuringSync.fault} → ${crashDuringSync.mustHold}`, async () => {
  const result = await crashDuringSync.run('ci');
  console.log(`[${crashDuringSync.id}] ${result.measured}`);
  expect(result.ok, [result.measured, ...result.problems].join('\n')).toBe(true);
}, 180_000);
