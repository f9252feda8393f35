import { expect, it } from 'vitest';
import { diskAndCorruption } from './disk-and-corruption';

it(`${diskAndCorruption.fault} → ${diskAndCorruption.mustHold}`, async () => {
  const result = await diskAndCorruption.run('ci');
  console.log(`[${diskAndCorruption.id}] ${result.measured}`);
  expect(result.ok, [result.measured, ...result.problems].join('\n')).toBe(true);
}, 120_000);
