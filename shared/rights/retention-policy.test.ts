import { describe, expect, it } from 'vitest';
import { defaultRetentionRules, fateOf, keptUntil, listingRetentionState } from './retention-policy';

const now = new Date('2026-11-29T02:00:00.000Z');

describe('what the law keeps when a user is deleted', () => {
  it('keeps a transaction three years, anonymised, under the E-commerce Law', () => {
    expect(fateOf('transaction', '2025-03-01T04:00:00.000Z', now)).toEqual({ outcome: 'anonymised', basis: 'ecommerce_law_art31', keptUntil: '2028-03-01' });
    expect(fateOf('transaction', '2023-11-28T04:00:00.000Z', now)).toEqual({ outcome: 'deleted' });
  });

  it('keeps network logs six months under the Cybersecurity Law, and deletes the rest', () => {
    expect(fateOf('login_log', '2026-06-01T01:00:00.000Z', now)).toEqual({ outcome: 'anonymised', basis: 'cybersecurity_law_art21', keptUntil: '2026-12-01' });
    expect(fateOf('login_log', '2026-05-28T01:00:00.000Z', now)).toEqual({ outcome: 'deleted' });
    expect(fateOf('listing', '2026-11-01T01:00:00.000Z', now)).toEqual({ outcome: 'deleted' });
    expect(fateOf('report', '2026-11-01T01:00:00.000Z', now)).toEqual({ outcome: 'deleted' });
  });

  it('counts on the Beijing calendar: a login at 20:00 UTC on 20 May was on 21 May in Guangzhou', () => {
    expect(keptUntil('2026-05-20T20:00:00.000Z', defaultRetentionRules.login_log!)).toBe('2026-11-21');
    expect(keptUntil('2026-05-20T15:00:00.000Z', defaultRetentionRules.login_log!)).toBe('2026-11-20');
    // On 21 November (Beijing) the later log is still kept, until the day itself has begun.
    expect(fateOf('login_log', '2026-05-20T20:00:00.000Z', new Date('2026-11-20T17:00:00.000Z'))).toMatchObject({ outcome: 'deleted' });
    expect(fateOf('login_log', '2026-05-20T20:00:00.000Z', new Date('2026-11-20T15:00:00.000Z'))).toMatchObject({ outcome: 'anonymised' });
  });

  it('lets configuration keep longer', () => {
    const stricter = { transaction: { basis: 'ecommerce_law_art31' as const, months: 60, anonymise: true } };
    expect(fateOf('transaction', '2023-11-28T04:00:00.000Z', now, stricter)).toMatchObject({ outcome: 'anonymised', keptUntil: '2028-11-28' });
  });
});

describe("a listing's place in the retention view", () => {
  it('is displayed until its display period plus 30 days of grace has passed, then due, or held by a hold, or done', () => {
    expect(listingRetentionState({ displayUntil: '2026-11-01', status: 'expired' }, false, '2026-11-29')).toBe('displayed');
    expect(listingRetentionState({ displayUntil: '2026-10-30', status: 'expired' }, false, '2026-11-29')).toBe('due');
    expect(listingRetentionState({ displayUntil: '2026-10-30', status: 'expired' }, true, '2026-11-29')).toBe('held');
    expect(listingRetentionState({ displayUntil: '2026-01-30', status: 'anonymised' }, false, '2026-11-29')).toBe('done');
    expect(listingRetentionState({ displayUntil: '2026-10-20', status: 'expired' }, false, '2026-11-29', 60)).toBe('displayed');
  });
});
