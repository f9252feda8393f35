import { describe, expect, it } from 'vitest';
import { disclosureRecord } from '../../../test/fixtures/disclosures';
import { transparencyCsv, transparencyHtml, transparencyReport } from './transparency';

const register = [
  // Q3 2026: two police requests (one emergency, one naming two accounts), a court preservation, a foreign refusal.
  disclosureRecord({}, { emergency: true }),
  disclosureRecord({ outcome: 'disclosed_part' }, { scopeRequested: { userIds: ['usr_00002', 'usr_00003'], categories: ['listings'], from: '2026-07-01', to: '2026-08-01' } }),
  disclosureRecord({ outcome: 'none_found' }, { authorityType: 'court', instrumentType: 'assistance_freeze_notice', receivedAt: '2026-09-30T15:59:59.000Z' }),
  disclosureRecord({ outcome: 'refused', status: 'closed' }, { authorityType: 'other', domestic: false, noNotify: true, noNotifyUntil: '2026-12-01' }),
  // 1 October 00:30 in Guangzhou is still 30 September in UTC: it belongs to Q4.
  disclosureRecord({}, { receivedAt: '2026-09-30T16:30:00.000Z', authorityType: 'procuratorate' }),
  // Awaiting approval: counted as received, not yet as produced or not.
  disclosureRecord({ outcome: null, status: 'awaiting_approval' }, { receivedAt: '2026-11-02T02:00:00.000Z' }),
  disclosureRecord({}, { receivedAt: '2025-12-30T02:00:00.000Z' }),
];

describe('the transparency report', () => {
  it('counts a quarter by the Shanghai date each request was received', () => {
    const q3 = transparencyReport(register, { year: 2026, quarter: 3 });
    expect(q3).toMatchObject({ requests: 4, accountsSpecified: 5, emergency: 1, preservation: 1, refused: 1, noneFound: 1, noNotify: 1, foreign: 1 });
    expect(q3.producedShare).toBe(0.5);
    expect(q3.byAuthorityType.find((r) => r.authorityType === 'public_security')).toEqual({ authorityType: 'public_security', requests: 2, accounts: 3 });
    expect(q3.byAuthorityType.find((r) => r.authorityType === 'procuratorate')).toEqual({ authorityType: 'procuratorate', requests: 0, accounts: 0 });
    const q4 = transparencyReport(register, { year: 2026, quarter: 4 });
    expect(q4.requests).toBe(2);
    expect(q4.producedShare).toBe(1);
  });

  it('counts the whole year, and says "not applicable" for a share with nothing settled', () => {
    expect(transparencyReport(register, { year: 2026, quarter: null }).requests).toBe(6);
    expect(transparencyReport(register, { year: 2025, quarter: null }).requests).toBe(1);
    const empty = transparencyReport(register, { year: 2024, quarter: null });
    expect(empty).toMatchObject({ requests: 0, producedShare: null });
    expect(transparencyCsv(empty).content).toContain('提供了部分或全部数据的请求占比,不适用');
  });

  it('exports CSV that Excel reads in Chinese, and a print-ready page', () => {
    const report = transparencyReport(register, { year: 2026, quarter: 3 });
    const csv = transparencyCsv(report);
    expect(csv.name).toBe('transparency-2026-Q3.csv');
    expect(csv.content.startsWith('\uFEFF')).toBe(true);
    const lines = csv.content.slice(1).split('\r\n');
    expect(lines[0]).toBe('2026年第3季度依法提供用户信息透明度报告');
    expect(lines).toContain('公安机关,2,3');
    expect(lines).toContain('提供了部分或全部数据的请求占比,50%');
    const html = transparencyHtml(report, new Date('2026-11-29T02:00:00.000Z'));
    expect(html.name).toBe('transparency-2026-Q3.html');
    expect(html.content).toContain('<html lang="zh-CN">');
    expect(html.content).toContain('<th scope="row">公安机关</th><td>2</td><td>3</td>');
    expect(html.content).toContain('@media print');
  });
});
