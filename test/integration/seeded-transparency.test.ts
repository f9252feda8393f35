import { describe, expect, it } from 'vitest';
import { transparencyReport } from '../../electron/core/legal/transparency';
import { seedRegister } from '../../electron/sandbox/seed/disclosures';
import { Disclosure } from '../../shared/platform/disclosure-entities';

/**
 * The report the core counts from the register the sandbox seeds. The expected figures were
 * worked out by hand from the seeded stories (electron/sandbox/seed/disclosure-stories.ts), so a
 * change to either side that moves a figure shows here.
 */
const anchor = Date.parse('2026-11-20T00:00:00Z');
const register = seedRegister(anchor, {
  preserved: { userId: 'usr_0000001', reference: '（2026）粤0106执保1234号' },
  pending: { userId: 'usr_0000003', reference: '穗公天（刑）调证字〔2026〕0417号' },
  others: Array.from({ length: 12 }, (_, i) => `usr_${String(100 + i).padStart(7, '0')}`),
}).map((entry) => Disclosure.parse(entry.disclosure));

describe('the transparency report on the seeded register', () => {
  it('counts the year: ten requests, two refused, one foreign, and six of eight settled ones produced data', () => {
    const year = transparencyReport(register, { year: 2026, quarter: null });
    expect(year).toMatchObject({ requests: 10, accountsSpecified: 12, emergency: 2, preservation: 1, refused: 2, noneFound: 0, noNotify: 3, foreign: 1, producedShare: 0.75 });
    expect(Object.fromEntries(year.byAuthorityType.map((row) => [row.authorityType, [row.requests, row.accounts]]))).toEqual({
      public_security: [3, 4],
      procuratorate: [2, 3],
      court: [2, 2],
      state_security: [0, 0],
      market_regulation: [1, 1],
      cyberspace: [1, 1],
      other: [1, 1],
    });
  });

  it('counts the quarter still open: a preservation order, one request awaiting approval and one approved but not yet handed over', () => {
    expect(transparencyReport(register, { year: 2026, quarter: 4 })).toMatchObject({ requests: 3, accountsSpecified: 3, preservation: 1, noNotify: 1, producedShare: 1 });
  });

  it('counts the year before from its own entries only', () => {
    expect(transparencyReport(register, { year: 2025, quarter: null })).toMatchObject({ requests: 3, accountsSpecified: 4, noneFound: 1, refused: 0, noNotify: 1 });
    expect(transparencyReport(register, { year: 2025, quarter: null }).producedShare).toBeCloseTo(2 / 3);
  });
});
