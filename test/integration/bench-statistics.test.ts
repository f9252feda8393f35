import { describe, expect, it } from 'vitest';
import { median, percentile } from '../bench/benchmark';

/** The two statistics every row of `npm run bench` reports its figures in. */
describe("the bench's medians and percentiles", () => {
  it('takes the middle reading, or the mean of the two middle ones, whatever the order', () => {
    expect(median([9, 1, 5])).toBe(5);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
  });

  it('takes the nearest-rank percentile: p95 of 20 readings is the 19th smallest, of 100 the 95th', () => {
    const twenty = Array.from({ length: 20 }, (_, i) => 20 - i); // 20 … 1
    expect(percentile(twenty, 95)).toBe(19);
    expect(percentile(Array.from({ length: 100 }, (_, i) => i + 1), 95)).toBe(95);
    expect(percentile([3, 1, 2], 100)).toBe(3);
    expect(percentile([3, 1, 2], 1)).toBe(1);
  });
});
