import { describe, expect, it } from 'vitest';
import { listingFate, recordFate, stepsOf, type RecordFate } from './execution-steps';

const now = new Date('2026-11-20T09:00:00Z');

describe('record fates', () => {
  it('keeps a recent transaction anonymised for three years and deletes an old one', () => {
    expect(recordFate('transaction', '2026-03-05T10:00:00Z', now)).toEqual({ outcome: 'anonymised', basis: 'ecommerce_law_art31', keptUntil: '2029-03-05' });
    expect(recordFate('transaction', '2023-03-05T10:00:00Z', now)).toEqual({ outcome: 'deleted', basis: null, keptUntil: null });
  });

  it('deletes what no law keeps', () => {
    expect(recordFate('report', '2026-11-01T00:00:00Z', now)).toEqual({ outcome: 'deleted', basis: null, keptUntil: null });
  });
});

describe('a listing’s fate', () => {
  const kept = (keptUntil: string): RecordFate => ({ outcome: 'anonymised', basis: 'ecommerce_law_art31', keptUntil });
  const gone: RecordFate = { outcome: 'deleted', basis: null, keptUntil: null };

  it('is deletion when no transaction keeps it', () => {
    expect(listingFate([])).toEqual(gone);
    expect(listingFate([gone])).toEqual(gone);
  });

  it('is anonymisation until its last kept transaction may go', () => {
    expect(listingFate([kept('2029-01-01'), gone, kept('2029-06-30')])).toEqual(kept('2029-06-30'));
  });
});

describe('steps', () => {
  it('count records per outcome and basis, kept until the latest day', () => {
    const fates: RecordFate[] = [
      { outcome: 'anonymised', basis: 'cybersecurity_law_art21', keptUntil: '2027-03-01' },
      { outcome: 'deleted', basis: null, keptUntil: null },
      { outcome: 'anonymised', basis: 'cybersecurity_law_art21', keptUntil: '2027-05-01' },
      { outcome: 'deleted', basis: null, keptUntil: null },
    ];
    expect(stepsOf('login_log', fates)).toEqual([
      { subject: 'login_log', count: 2, outcome: 'anonymised', basis: 'cybersecurity_law_art21', keptUntil: '2027-05-01' },
      { subject: 'login_log', count: 2, outcome: 'deleted', basis: null, keptUntil: null },
    ]);
    expect(stepsOf('report', [])).toEqual([]);
  });
});
