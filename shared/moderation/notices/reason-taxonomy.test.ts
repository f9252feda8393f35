import { describe, expect, it } from 'vitest';
import reasonsFile from '../../../resources/moderation/reasons.json';
import { moderationActions } from '../../platform/entities';
import { placeholdersOf } from './render-notice';
import { findReason, noticeTemplate, parseReasonTaxonomy, reasonActions, reasonsFor, ReasonTaxonomy } from './reason-taxonomy';

const taxonomy = parseReasonTaxonomy(reasonsFile);

describe('the reason taxonomy in resources/moderation/reasons.json', () => {
  it('has the codes the issue names', () => {
    const codes = taxonomy.reasons.map((r) => r.code);
    for (const code of [
      'prohibited_item', 'fraud_deposit', 'contact_in_text', 'duplicate', 'wrong_category', 'misleading_price',
      'illegal_job_ad', 'discrimination', 'offensive', 'other', 'unsure', 'needs_senior',
    ]) {
      expect(codes).toContain(code);
    }
  });

  it('keeps the labels staff and tests know', () => {
    expect(findReason(taxonomy, 'fraud_deposit')?.label['zh-CN']).toMatch(/诈骗|定金/);
    expect(findReason(taxonomy, 'contact_in_text')?.label['zh-CN']).toMatch(/联系方式|站外/);
    expect(findReason(taxonomy, 'duplicate')?.label['zh-CN']).toMatch(/重复/);
  });

  it('filters reasons by action, in the file order', () => {
    expect(reasonsFor(taxonomy, 'escalate').map((r) => r.code)).toEqual(expect.arrayContaining(['unsure', 'needs_senior']));
    expect(reasonsFor(taxonomy, 'reject').map((r) => r.code).slice(0, 2)).toEqual(['prohibited_item', 'fraud_deposit']);
    expect(reasonsFor(taxonomy, 'reject').map((r) => r.code)).not.toContain('unsure');
    expect(reasonsFor(taxonomy, 'ban').map((r) => r.code)).toContain('ban_evasion');
  });

  it('gives every action that needs a reason at least one, and every reason a notice per action and language', () => {
    for (const action of reasonActions.filter((a) => a !== 'approve')) expect(reasonsFor(taxonomy, action).length).toBeGreaterThan(0);
    const known = new Set(['title', 'reason', 'date', 'listingId', 'nickname', 'days']);
    for (const reason of taxonomy.reasons) {
      for (const action of reason.actions) {
        for (const language of ['zh-CN', 'en'] as const) {
          const template = noticeTemplate(reason, action, language);
          expect(template.trim()).not.toBe('');
          expect(placeholdersOf(template).filter((p) => !known.has(p))).toEqual([]);
          // Listing notices name the listing; account notices name the account.
          const listingAction = (moderationActions as readonly string[]).includes(action);
          expect(placeholdersOf(template)).toContain(listingAction ? 'title' : 'nickname');
        }
      }
    }
  });

  it('prefers an action of its own over the reason-wide notice', () => {
    const fraud = findReason(taxonomy, 'fraud_deposit')!;
    expect(noticeTemplate(fraud, 'reject', 'zh-CN')).toContain('未通过审核');
    expect(noticeTemplate(fraud, 'remove', 'zh-CN')).toContain('下架');
    expect(noticeTemplate(fraud, 'suspend', 'zh-CN')).toContain('{days}');
  });
});

describe('the taxonomy schema', () => {
  const reason = {
    code: 'duplicate',
    label: { 'zh-CN': '重复发布', en: 'Duplicate' },
    actions: ['reject'],
    notice: { 'zh-CN': '「{title}」重复', en: '"{title}" duplicate' },
  };
  const appealNotices = { uphold: reason.notice, overturn: reason.notice };

  it('refuses duplicate codes, unknown actions, empty labels and notices for actions not listed', () => {
    expect(ReasonTaxonomy.safeParse({ version: 1, reasons: [reason, reason], appealNotices }).success).toBe(false);
    expect(ReasonTaxonomy.safeParse({ version: 1, reasons: [{ ...reason, actions: ['delete'] }], appealNotices }).success).toBe(false);
    expect(ReasonTaxonomy.safeParse({ version: 1, reasons: [{ ...reason, label: { 'zh-CN': ' ', en: 'x' } }], appealNotices }).success).toBe(false);
    const stray = { ...reason, noticeByAction: { remove: reason.notice } };
    const parsed = ReasonTaxonomy.safeParse({ version: 1, reasons: [stray], appealNotices });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['reasons', 0, 'noticeByAction', 'remove']);
  });

  it('accepts a minimal taxonomy', () => {
    expect(ReasonTaxonomy.safeParse({ version: 1, reasons: [reason], appealNotices }).success).toBe(true);
  });
});
