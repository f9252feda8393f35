import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { foreignRequestBlocked, overDisclosure } from '../../../shared/legal/disclosure-rules';
import { Disclosure } from '../../../shared/platform/disclosure-entities';
import { seedRegister, type StoryAccounts } from './disclosures';

const anchor = new Date('2026-11-20T00:00:00Z');
const accounts: StoryAccounts = {
  preserved: { userId: 'usr_0000001', reference: '（2026）粤0106执保1234号' },
  pending: { userId: 'usr_0000003', reference: '穗公天（刑）调证字〔2026〕0417号' },
  others: Array.from({ length: 12 }, (_, i) => `usr_${String(100 + i).padStart(7, '0')}`),
};
const entries = seedRegister(anchor.getTime(), accounts);
const register = entries.map((e) => Disclosure.parse(e.disclosure));
const quarterOf = (iso: string) => `${iso.slice(0, 4)}-Q${Math.floor((Number(iso.slice(5, 7)) - 1) / 3) + 1}`;

describe('the seeded disclosure register', () => {
  it('has 10–14 entries over the last fifteen months, with every quarter of the anchor’s year', () => {
    expect(register.length).toBeGreaterThanOrEqual(10);
    expect(register.length).toBeLessThanOrEqual(14);
    const received = register.map((d) => d.request.receivedAt);
    expect(received.every((at) => at < anchor.toISOString() && at >= '2025-08-20')).toBe(true);
    expect(new Set(received.filter((at) => at.startsWith('2026')).map(quarterOf))).toEqual(new Set(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']));
  });

  it('is numbered in order per year, each entry prepared and approved by different legal staff', () => {
    expect(register.map((d) => d.registerNumber)).toEqual([
      'LD-2025-0001', 'LD-2025-0002', 'LD-2025-0003',
      ...Array.from({ length: register.length - 3 }, (_, i) => `LD-2026-${String(i + 1).padStart(4, '0')}`),
    ]);
    for (const d of register) {
      expect(['stf_0006', 'stf_0007']).toContain(d.preparedBy);
      if (d.approval) expect(d.approval.staffId).not.toBe(d.preparedBy);
    }
  });

  it('keeps each file’s SHA-256 true to its bytes', () => {
    for (const { disclosure, files } of entries) {
      const meta = [disclosure.scan, ...(disclosure.production?.files ?? []), ...(disclosure.production?.receipt ? [disclosure.production.receipt] : [])];
      expect(meta.map((m) => m.id).sort()).toEqual(files.map((f) => f.id).sort());
      for (const f of files) expect(meta.find((m) => m.id === f.id)!.sha256).toBe(createHash('sha256').update(f.content).digest('hex'));
    }
  });

  it('mixes outcomes and obeys the register’s rules', () => {
    const outcomes = new Set(register.map((d) => d.outcome));
    for (const o of ['disclosed_full', 'disclosed_part', 'none_found', 'refused'] as const) expect(outcomes).toContain(o);
    expect(register.filter((d) => d.request.emergency).length).toBeGreaterThanOrEqual(1);
    expect(register.some((d) => d.request.instrumentType === 'assistance_freeze_notice')).toBe(true);
    const foreign = register.filter((d) => !d.request.domestic);
    expect(foreign).toHaveLength(1);
    expect(foreign[0]).toMatchObject({ status: 'closed', outcome: 'refused', production: null });
    expect(foreign[0]!.refusalReason).toContain('第三十六条');
    for (const d of register.filter((x) => x.production !== null)) {
      expect(foreignRequestBlocked(d.request)).toBe(false);
      const beyond = overDisclosure(d.request.scopeRequested, d.scopeDisclosed!);
      expect(d.overDisclosure === null ? null : { ...d.overDisclosure, justification: undefined }).toEqual(beyond === null ? null : { ...beyond, justification: undefined });
    }
    expect(register.some((d) => d.overDisclosure !== null)).toBe(true);
  });

  it('has no-notify orders, one of them ending within days, and nobody told while one applies', () => {
    const orders = register.filter((d) => d.request.noNotify);
    expect(orders.length).toBeGreaterThanOrEqual(2);
    expect(orders.some((d) => d.request.noNotifyUntil !== null && d.request.noNotifyUntil > '2026-11-20' && d.request.noNotifyUntil <= '2026-11-27')).toBe(true);
    for (const d of orders.filter((x) => x.userNotifiedAt !== null)) expect(d.userNotifiedAt!.slice(0, 10) > d.request.noNotifyUntil!).toBe(true);
  });

  it('has one amended entry whose original still shows the request as first saved', () => {
    const amended = register.filter((d) => d.amendments.length > 0);
    expect(amended).toHaveLength(1);
    const [entry] = amended;
    expect(entry!.original.documentNumber).not.toBe(entry!.request.documentNumber);
    expect(entry!.amendments[0]!.changes).toEqual([{ path: 'request.documentNumber', before: entry!.original.documentNumber, after: entry!.request.documentNumber }]);
    expect(entry!.amendments[0]!.staffId).not.toBe(entry!.preparedBy);
  });

  it('tells the same story as the holds on the same accounts', () => {
    expect(register.find((d) => d.request.documentNumber === accounts.preserved.reference)?.request.scopeRequested.userIds).toEqual([accounts.preserved.userId]);
    expect(register.find((d) => d.request.documentNumber === accounts.pending.reference)).toMatchObject({ status: 'awaiting_approval', approval: null });
  });

  it('is the same for the same anchor', () => {
    expect(JSON.stringify(seedRegister(anchor.getTime(), accounts))).toBe(JSON.stringify(entries));
  });
});
