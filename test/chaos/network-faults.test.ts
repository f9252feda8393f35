import { expect, it } from 'vitest';
import { networkFaults } from './network-faults';

it(`${networkFaults.id}: ${networkFaults.mustHold}`, async () => {
  const result = await networkFaults.run('ci');
  console.log(`${networkFaults.id}: ${result.measured}`);
  expect(result.problems, result.measured).toEqual([]);
  expect(result.ok).toBe(true);
}, 120_000);
