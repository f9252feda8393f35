import type { z } from 'zod';
import type { DisclosureCategory } from '../../shared/legal/disclosure-rules';
import type { DisclosureRequest, DisclosureScope } from '../../shared/platform/disclosure-entities';
import type { FileUpload } from '../../shared/platform/legal';

/** Bodies for the register's endpoints in the sandbox tests: a plausible request, varied per test. */

export const upload = (name: string, text: string, mediaType = 'application/pdf'): z.infer<typeof FileUpload> => ({
  name,
  mediaType,
  contentBase64: Buffer.from(text).toString('base64'),
});

export const scope = (userIds: string[], categories: DisclosureCategory[] = ['account_profile', 'login_logs'], from = '2026-09-01', to = '2026-10-31'): DisclosureScope => ({
  userIds,
  categories,
  from,
  to,
});

export function policeRequest(userIds: string[], changes: Partial<DisclosureRequest> = {}): DisclosureRequest {
  return {
    receivedAt: '2026-11-20T01:30:00.000Z',
    channel: 'in_person',
    authorityType: 'public_security',
    authorityName: '广州市公安局天河区分局',
    domestic: true,
    foreignApproval: null,
    officers: [{ name: '陈国栋', badgeNumber: '044156' }],
    identityCheck: { callBackNumber: '020-85200110', note: '回拨值班室核实' },
    instrumentType: 'evidence_collection_notice',
    documentNumber: '穗公（天）调证字〔2026〕1234号',
    approvingOfficial: '张志华（副局长）',
    caseCause: '涉嫌诈骗罪',
    statute: '《刑事诉讼法》第五十四条',
    emergency: false,
    noNotify: false,
    noNotifyUntil: null,
    scopeRequested: scope(userIds),
    ...changes,
  };
}

let serial = 0;
export const legalKey = (label: string): string => `${label}-legal-${String(++serial).padStart(4, '0')}`;

export interface DisclosureBodyOptions {
  request?: Partial<DisclosureRequest>;
  scopeDisclosed?: DisclosureScope;
  justification?: string | null;
  key?: string;
}

export function disclosureBody(userIds: string[], options: DisclosureBodyOptions = {}) {
  const request = policeRequest(userIds, options.request);
  return {
    idempotencyKey: options.key ?? legalKey('create'),
    request,
    scan: upload('调取证据通知书.pdf', `%PDF-1.4 sandbox scan of ${request.documentNumber}`),
    scopeDisclosed: options.scopeDisclosed ?? request.scopeRequested,
    justification: options.justification ?? null,
  };
}
