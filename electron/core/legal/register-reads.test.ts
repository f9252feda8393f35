import { afterAll, describe, expect, it } from 'vitest';
import type { LegalHold, Processor } from '../../../shared/platform/legal-entities';
import { openReplica } from '../../../test/fixtures/console-parts';
import { disclosureRecord } from '../../../test/fixtures/disclosures';
import { temporaryFolder } from '../../../test/fixtures/folders';
import { disclosureDetail, disclosureRows, holdRows, reminders } from './register-reads';

const folder = temporaryFolder();
afterAll(() => folder.remove());

const now = new Date('2026-11-29T02:00:00.000Z');
const hold = (id: string, expiresAt: string | null, liftedAt: string | null = null): LegalHold => ({
  id, userId: 'usr_00001', source: 'preservation_notice', reference: `（2026）粤0106执保${id}号`, reason: '财产保全', scope: ['all'],
  placedBy: 'stf_0006', placedByName: '刘律师', placedAt: '2026-06-01T02:00:00.000Z', expiresAt, liftedAt, liftedBy: liftedAt ? 'stf_0007' : null,
  liftReason: liftedAt ? '案件已结' : null, renewals: [], version: 1,
});
const processor = (id: string, reviewDate: string): Processor => ({
  id, name: `受托方${id}`, kind: 'cloud', dataCategories: ['账号资料'], purpose: '云存储', agreementDate: '2025-01-01', reviewDate, deletionContact: 'privacy@example.cn', version: 1,
});

describe('the legal area from the cache', () => {
  const { db, replica } = openReplica(folder.path);
  db.prepare("INSERT INTO users (id, nickname, phone_masked, status, registered_at, last_login_at, risk_signals, strikes, restricted_until, version, updated_at) VALUES ('usr_00001', '小王', '135****7162', 'active', '2024-01-01T00:00:00.000Z', NULL, '[]', 0, NULL, 1, '2024-01-01T00:00:00.000Z')").run();
  const mine = disclosureRecord({ status: 'awaiting_approval', approval: null, outcome: null, preparedBy: 'stf_0006' }, { noNotify: true, noNotifyUntil: '2026-12-03' });
  const overdue = disclosureRecord({}, { noNotify: true, noNotifyUntil: '2026-11-20', documentNumber: '穗公（越）调证字〔2026〕88号' });
  for (const d of [mine, overdue]) replica.rights.applyLegal('disclosure', d);
  for (const h of [hold('1', '2026-12-05T00:00:00.000Z'), hold('2', '2027-06-01T00:00:00.000Z'), hold('3', null, '2026-10-01T00:00:00.000Z')]) replica.rights.applyLegal('legal_hold', h);
  for (const p of [processor('a', '2026-12-20'), processor('b', '2027-11-01')]) replica.rights.applyLegal('processor', p);

  it('lets only someone other than the preparer approve, and shows accounts masked', () => {
    expect(disclosureDetail(db, mine, 'stf_0006').mayApprove).toBe(false);
    expect(disclosureDetail(db, mine, 'stf_0007')).toMatchObject({ mayApprove: true, accounts: [{ userId: 'usr_00001', nickname: '小王', phoneMasked: '135****7162' }] });
    expect(disclosureDetail(db, overdue, 'stf_0007').mayApprove).toBe(false);
  });

  it('finds entries by document number and status', () => {
    expect(disclosureRows(db, { search: '越' }).map((r) => r.id)).toEqual([overdue.id]);
    expect(disclosureRows(db, { status: 'awaiting_approval' }).map((r) => r.id)).toEqual([mine.id]);
  });

  it('lists active holds only unless asked for all', () => {
    expect(holdRows(db, 'active', now).map((h) => h.id)).toEqual(['1', '2']);
    expect(holdRows(db, 'all', now).find((h) => h.id === '3')).toMatchObject({ active: false, account: { phoneMasked: '135****7162' } });
  });

  it('reminds of what is due soon, overdue first: holds lapsing, reviews, no-notify orders ending', () => {
    expect(reminders(db, now).map((r) => [r.kind, r.dueOn, r.overdue])).toEqual([
      ['no_notify_ending', '2026-11-20', true],
      ['no_notify_ending', '2026-12-03', false],
      ['hold_expiring', '2026-12-05', false],
      ['processor_review', '2026-12-20', false],
    ]);
    db.close();
  });
});
