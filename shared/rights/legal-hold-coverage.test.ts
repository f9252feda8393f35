import { describe, expect, it } from 'vitest';
import { holdBlocks, holdKeepsListings, isHoldActive, type HoldTerms } from './legal-hold-coverage';

const now = new Date('2026-11-20T09:00:00Z');
const hold = (terms: Partial<HoldTerms> = {}): HoldTerms => ({ scope: ['all'], expiresAt: null, liftedAt: null, ...terms });

describe('legal hold coverage', () => {
  it('is active until lifted or expired', () => {
    expect(isHoldActive(hold(), now)).toBe(true);
    expect(isHoldActive(hold({ expiresAt: '2026-11-25T00:00:00Z' }), now)).toBe(true);
    expect(isHoldActive(hold({ expiresAt: '2026-11-20T09:00:00Z' }), now)).toBe(false);
    expect(isHoldActive(hold({ liftedAt: '2026-11-10T00:00:00Z' }), now)).toBe(false);
  });

  it('stops a deletion only when it covers the listings', () => {
    expect(holdBlocks(hold({ scope: ['listings'] }), 'deletion', now)).toBe(true);
    expect(holdBlocks(hold({ scope: ['all'] }), 'deletion', now)).toBe(true);
    expect(holdBlocks(hold({ scope: ['transactions', 'login_logs'] }), 'deletion', now)).toBe(false);
  });

  it('stops a cancellation or a relative’s request whatever it covers', () => {
    for (const type of ['cancellation', 'deceased_relative'] as const) {
      expect(holdBlocks(hold({ scope: ['login_logs'] }), type, now)).toBe(true);
      expect(holdBlocks(hold({ scope: ['account'], liftedAt: '2026-11-01T00:00:00Z' }), type, now)).toBe(false);
    }
  });

  it('never stops a request that removes nothing', () => {
    for (const type of ['access', 'correction', 'explanation'] as const) expect(holdBlocks(hold(), type, now)).toBe(false);
  });

  it('keeps listings from the retention sweep while it covers them', () => {
    expect(holdKeepsListings(hold({ scope: ['listings'] }), now)).toBe(true);
    expect(holdKeepsListings(hold({ scope: ['account'] }), now)).toBe(false);
    expect(holdKeepsListings(hold({ expiresAt: '2026-11-19T00:00:00Z' }), now)).toBe(false);
  });
});
