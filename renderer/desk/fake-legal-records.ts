import type { z } from 'zod';
import type { DisclosureDetail, DisclosureRow, HoldRow, LegalReminder, TransparencyReport } from '../../shared/ipc/legal-views';
import type { Disclosure, DisclosureRequest } from '../../shared/platform/disclosure-entities';
import type { Processor } from '../../shared/platform/legal-entities';

/**
 * Test-only legal records shaped like the core's answers: a Guangzhou police evidence notice,
 * holds, processors, reminders and a transparency report, deterministic from an index or a seed.
 */

/** A SHA-256-shaped hex string from a seed, the same for the same seed. */
export function fakeSha256(seed: string): string {
  let hex = '';
  for (let round = 0; hex.length < 64; round++) {
    let h = 2166136261 ^ round;
    for (const char of seed) h = Math.imul(h ^ char.charCodeAt(0), 16777619) >>> 0;
    hex += h.toString(16).padStart(8, '0');
  }
  return hex.slice(0, 64);
}

export function registerFile(name: string, overrides: Partial<Disclosure['scan']> = {}): Disclosure['scan'] {
  return { id: `file_${fakeSha256(name).slice(0, 8)}`, name, mediaType: 'application/pdf', sizeBytes: 182_044, sha256: fakeSha256(name), ...overrides };
}

export function disclosureRequest(overrides: Partial<DisclosureRequest> = {}): DisclosureRequest {
  return {
    receivedAt: '2026-11-18T01:30:00.000Z',
    channel: 'in_person',
    authorityType: 'public_security',
    authorityName: '广州市公安局天河区分局',
    domestic: true,
    foreignApproval: null,
    officers: [
      { name: '李警官', badgeNumber: '044123' },
      { name: '张警官', badgeNumber: '044188' },
    ],
    identityCheck: { callBackNumber: '020-83118110', note: '回拨分局值班室，确认两名警官及文书属实' },
    instrumentType: 'evidence_collection_notice',
    documentNumber: '穗公（天）调证字〔2026〕1234号',
    approvingOfficial: '王副局长',
    caseCause: '涉嫌诈骗案',
    statute: '《刑事诉讼法》第五十四条',
    emergency: false,
    noNotify: false,
    noNotifyUntil: null,
    scopeRequested: { userIds: ['usr_00001'], categories: ['account_profile', 'registration_phone', 'listings'], from: '2026-09-01', to: '2026-11-15' },
    ...overrides,
  };
}

export function disclosureRecord(overrides: Partial<Disclosure> = {}): Disclosure {
  const request = overrides.request ?? disclosureRequest();
  return {
    id: 'dsc_00001',
    registerNumber: 'LD-2026-0001',
    status: 'awaiting_approval',
    request,
    original: request,
    scan: registerFile('调取证据通知书.pdf'),
    preparedBy: 'stf_7',
    preparedByName: '林律师',
    preparedAt: '2026-11-18T02:10:00.000Z',
    scopeDisclosed: request.scopeRequested,
    overDisclosure: null,
    approval: null,
    production: null,
    outcome: null,
    refusalReason: null,
    userNotifiedAt: null,
    amendments: [],
    version: 1,
    updatedAt: '2026-11-18T02:10:00.000Z',
    ...overrides,
  };
}

export const registerAccounts: DisclosureDetail['accounts'] = [
  { userId: 'usr_00001', nickname: '小王', phoneMasked: '135****7162' },
  { userId: 'usr_00002', nickname: '阿强', phoneMasked: '139****0001' },
  { userId: 'usr_00003', nickname: null, phoneMasked: null },
];

export function disclosureDetail(disclosure: Partial<Disclosure> = {}, extra: Partial<Omit<DisclosureDetail, 'disclosure'>> = {}): DisclosureDetail {
  return { disclosure: disclosureRecord(disclosure), accounts: registerAccounts, mayApprove: false, ...extra };
}

export function disclosureRow(index: number, overrides: Partial<DisclosureRow> = {}): DisclosureRow {
  return {
    id: `dsc_${String(index).padStart(5, '0')}`,
    registerNumber: `LD-2026-${String(index).padStart(4, '0')}`,
    status: 'awaiting_approval',
    receivedAt: new Date(Date.parse('2026-11-18T01:30:00.000Z') - index * 86_400_000).toISOString(),
    authorityType: 'public_security',
    authorityName: '广州市公安局天河区分局',
    documentNumber: `穗公（天）调证字〔2026〕${1230 + index}号`,
    emergency: false,
    noNotify: false,
    domestic: true,
    accounts: 1,
    overDisclosure: false,
    outcome: null,
    preparedByName: '林律师',
    amendments: 0,
    ...overrides,
  };
}

export function holdRow(index: number, overrides: Partial<z.infer<typeof HoldRow>> = {}): z.infer<typeof HoldRow> {
  const userId = `usr_${String(index).padStart(5, '0')}`;
  return {
    id: `hold_${String(index).padStart(5, '0')}`,
    userId,
    source: 'preservation_notice',
    reference: `穗公（天）冻字〔2026〕${880 + index}号`,
    reason: '协助冻结涉案账号数据',
    scope: ['listings', 'transactions'],
    placedBy: 'stf_7',
    placedByName: '林律师',
    placedAt: '2026-10-20T02:00:00.000Z',
    expiresAt: '2027-04-20T15:59:59.000Z',
    liftedAt: null,
    liftedBy: null,
    liftReason: null,
    renewals: [],
    version: 1,
    account: { userId, nickname: '小王', phoneMasked: '135****7162' },
    active: true,
    ...overrides,
  };
}

export function processorRecord(index: number, overrides: Partial<Processor> = {}): Processor {
  return {
    id: `prc_${String(index).padStart(5, '0')}`,
    name: ['华南云计算有限公司', '讯达短信服务有限公司', '数观分析科技有限公司'][index % 3]!,
    kind: (['cloud', 'sms', 'analytics'] as const)[index % 3]!,
    dataCategories: ['注册手机号', '发布的信息'],
    purpose: '托管平台数据库与图片存储',
    agreementDate: '2025-03-01',
    reviewDate: '2027-03-01',
    deletionContact: 'privacy@example-cloud.cn',
    version: 1,
    ...overrides,
  };
}

export function legalReminder(overrides: Partial<z.infer<typeof LegalReminder>> = {}): z.infer<typeof LegalReminder> {
  return { kind: 'hold_expiring', subjectId: 'hold_00001', subject: '穗公（天）冻字〔2026〕881号', dueOn: '2026-11-28', overdue: false, ...overrides };
}

export function transparencyReport(overrides: Partial<TransparencyReport> = {}): TransparencyReport {
  return {
    period: { year: 2026, quarter: null },
    byAuthorityType: [
      { authorityType: 'public_security', requests: 12, accounts: 19 },
      { authorityType: 'procuratorate', requests: 1, accounts: 1 },
      { authorityType: 'court', requests: 3, accounts: 4 },
      { authorityType: 'state_security', requests: 0, accounts: 0 },
      { authorityType: 'market_regulation', requests: 2, accounts: 2 },
      { authorityType: 'cyberspace', requests: 1, accounts: 3 },
      { authorityType: 'other', requests: 0, accounts: 0 },
    ],
    requests: 19,
    accountsSpecified: 29,
    producedShare: 0.8125,
    emergency: 2,
    preservation: 4,
    refused: 2,
    noneFound: 1,
    noNotify: 5,
    foreign: 1,
    ...overrides,
  };
}
