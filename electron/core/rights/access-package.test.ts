import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AccessData } from '../../../shared/platform/rights';
import { buildAccessPackage } from './access-package';

const data = AccessData.parse({
  generatedAt: '2026-11-30T02:00:00.000Z',
  account: { id: 'usr_00001', nickname: '小王<script>', phone: '13512347162', status: 'active', registeredAt: '2024-03-01T02:00:00.000Z', lastLoginAt: null },
  listings: [{ id: 'lst_00001', title: '出租 天河 <b>一室一厅</b>', body: '拎包入住', category: 'housing', priceFen: 300000, status: 'published', createdAt: '2026-11-01T02:00:00.000Z', displayUntil: '2026-12-01' }],
  loginSummary: { count: 12, first: '2024-03-01T02:00:00.000Z', last: '2026-11-29T02:00:00.000Z', regions: ['广东广州', '广东深圳'] },
  reportsMade: [],
  decisionsAbout: [],
  transactions: [{ id: 'txn_1', role: 'seller', amountFen: 300000, counterparty: '买家（已脱敏）', at: '2026-11-02T02:00:00.000Z' }],
});

describe('the access package', () => {
  const pkg = buildAccessPackage(data, 'RT-2026-000042');

  it('holds the export as JSON and as a readable Chinese page, each with its SHA-256', () => {
    expect(pkg.files.map((f) => [f.name, f.mediaType])).toEqual([
      ['RT-2026-000042-个人信息.json', 'application/json'],
      ['RT-2026-000042-个人信息.html', 'text/html'],
    ]);
    expect(AccessData.parse(JSON.parse(pkg.files[0]!.content))).toEqual(data);
    for (const file of pkg.files) expect(file.sha256).toBe(createHash('sha256').update(file.content, 'utf8').digest('hex'));
    const html = pkg.files[1]!.content;
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('工单号 RT-2026-000042');
    expect(html).toContain('广东广州、广东深圳');
    expect(html).toContain('买家（已脱敏）');
  });

  it("escapes the user's own text, so a listing cannot inject markup into the page", () => {
    const html = pkg.files[1]!.content;
    expect(html).not.toContain('<script>');
    expect(html).toContain('小王&lt;script&gt;');
    expect(html).toContain('&lt;b&gt;一室一厅&lt;/b&gt;');
  });

  it('takes the package hash over file names and hashes, so any change to either changes it', () => {
    expect(pkg.sha256).toBe(buildAccessPackage(data, 'RT-2026-000042').sha256);
    expect(buildAccessPackage(data, 'RT-2026-000043').sha256).not.toBe(pkg.sha256);
    expect(buildAccessPackage({ ...data, generatedAt: '2026-11-30T02:00:01.000Z' }, 'RT-2026-000042').sha256).not.toBe(pkg.sha256);
  });
});
