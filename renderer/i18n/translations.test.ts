import { describe, expect, it } from 'vitest';
import { DeskErrorCode } from '../../shared/errors';
import { accountActions, categories, listingStatuses, moderationActions, reportReasons, RiskSignal, userStatuses } from '../../shared/platform/entities';
import { roles } from '../../shared/platform/roles';
import { SyncPhase } from '../../shared/ipc/views';
import { BrokenLinkReason, revealReasons } from '../../shared/ipc/governance-views';
import { knownAuditActions } from '../features/audit-trail/audit-actions';
import { flagKinds, queueKinds } from '../../shared/ipc/moderation-views';
import en from './en.json';
import zhCN from './zh-CN.json';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const keys = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') keys.set(path, value);
    else for (const [k, v] of flatten(value, path)) keys.set(k, v);
  }
  return keys;
}

const catalogues = { 'zh-CN': flatten(zhCN), en: flatten(en) };

describe('translations', () => {
  it('have exactly the same keys in Chinese and English', () => {
    const zhKeys = [...catalogues['zh-CN'].keys()].sort();
    const enKeys = [...catalogues.en.keys()].sort();
    expect(zhKeys).toEqual(enKeys);
    expect(zhKeys.length).toBeGreaterThan(150);
  });

  it('have no empty text', () => {
    for (const [language, keys] of Object.entries(catalogues)) {
      const empty = [...keys].filter(([, text]) => text.trim() === '').map(([key]) => `${language}:${key}`);
      expect(empty).toEqual([]);
    }
  });

  const required: [string, readonly string[]][] = [
    ['errors', DeskErrorCode.options],
    ['categories', categories],
    ['roles', roles],
    ['actions', moderationActions],
    ['actionsDone', moderationActions],
    ['queues', queueKinds],
    ['flagKinds', flagKinds],
    ['accountActions', accountActions],
    ['riskSignals', RiskSignal.shape.kind.options],
    ['linked.shared', ['phone', 'device', 'ip']],
    ['duplicates.reasons', ['similar_text', 'same_phone']],
    ['bulk.outcome', ['applied', 'would_apply', 'undone', 'refused']],
    ['reportReasons', reportReasons],
    ['listingStatuses', listingStatuses],
    ['userStatuses', userStatuses],
    ['sync.phase', SyncPhase.options],
    ['reveal.reasons', revealReasons],
    ['audit.verify.reasons', BrokenLinkReason.options],
    ['auditActions', knownAuditActions],
  ];

  it.each(required)('translate every %s code in both languages', (group, codes) => {
    for (const [language, keys] of Object.entries(catalogues)) {
      const missing = codes.filter((code) => !keys.get(`${group}.${code}`)).map((code) => `${language}:${group}.${code}`);
      expect(missing).toEqual([]);
    }
  });

  it('use the product words the staff know', () => {
    expect(catalogues['zh-CN'].get('errors.keychain_unavailable')).toContain('钥匙串');
    expect(catalogues['zh-CN'].get('categories.housing')).toBe('房屋租售');
    expect(catalogues['zh-CN'].get('nav.moderation')).toBe('审核队列');
  });
});
