import { describe, expect, it } from 'vitest';
import { noNotifyApplies } from './no-notify';

describe('noNotifyApplies', () => {
  it('never applies without an order', () => {
    expect(noNotifyApplies({ noNotify: false, noNotifyUntil: null }, '2026-11-20')).toBe(false);
  });

  it('applies without end while the order names no date', () => {
    expect(noNotifyApplies({ noNotify: true, noNotifyUntil: null }, '2030-01-01')).toBe(true);
  });

  it('applies through the last day it names and not after', () => {
    const order = { noNotify: true, noNotifyUntil: '2026-11-25' };
    expect(noNotifyApplies(order, '2026-11-20')).toBe(true);
    expect(noNotifyApplies(order, '2026-11-25')).toBe(true);
    expect(noNotifyApplies(order, '2026-11-26')).toBe(false);
  });
});
