import { describe, expect, it } from 'vitest';
import { assignRowSlots } from './row-slots';

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('row slots', () => {
  it('keep a row in view in its slot and give rows coming into view the slots of rows that left', () => {
    const first = assignRowSlots(new Map<number, number>(), range(0, 4));
    expect([...first]).toEqual([[0, 0], [1, 1], [2, 2], [3, 3], [4, 4]]);
    // One row down: rows 1–4 stay where they were, row 5 takes row 0's slot.
    const next = assignRowSlots(first, range(1, 5));
    expect([...next]).toEqual([[1, 1], [2, 2], [3, 3], [4, 4], [5, 0]]);
  });

  it('stay with a listing when one above it leaves, and give the freed slot to the listing coming in', () => {
    const before = assignRowSlots(new Map<string, number>(), ['a', 'b', 'c', 'd']);
    const after = assignRowSlots(before, ['a', 'c', 'd', 'e']);
    expect([...after]).toEqual([['a', 0], ['c', 2], ['d', 3], ['e', 1]]);
  });

  it('reuse every slot after a jump, and add slots only when more rows are in view', () => {
    const before = assignRowSlots(new Map<number, number>(), range(0, 3));
    const jumped = assignRowSlots(before, range(500, 504));
    expect([...jumped.values()].sort()).toEqual([0, 1, 2, 3, 4]);
    const fewer = assignRowSlots(jumped, range(502, 503));
    expect([...fewer]).toEqual([[502, jumped.get(502)], [503, jumped.get(503)]]);
  });

  it('give each row in view its own slot, and need no more slots than the most rows ever in view', () => {
    let slots = new Map<number, number>();
    for (const [from, to] of [[0, 30], [12, 44], [118, 150], [140, 171], [3, 34], [2000, 2031]] as const) {
      slots = assignRowSlots(slots, range(from, to));
      expect(new Set(slots.values()).size).toBe(to - from + 1);
      // The largest window above is 33 rows.
      expect(Math.max(...slots.values())).toBeLessThan(33);
    }
  });
});
