import { describe, expect, it } from 'vitest';
import templatesFile from '../../resources/rights/reply-templates.json';
import { RightsTicket } from '../platform/rights-entities';
import { draftReplyLetter, letterDate, letterKindOf, stepSummaries } from './reply-letter';
import { letterPlaceholdersOf, parseReplyTemplates } from './reply-templates';

const templates = parseReplyTemplates(templatesFile);
const today = '2026-12-03';

/** A ticket as the platform sends it; each test changes what it is about. */
function ticket(overrides: Partial<RightsTicket> = {}): RightsTicket {
  return RightsTicket.parse({
    id: 'tkt_1',
    number: 'RT-2026-000123',
    type: 'deletion',
    state: 'completed',
    channel: 'phone',
    userId: 'usr_00001',
    userNickname: '小王',
    userPhoneMasked: '135****7162',
    requester: { name: '王先生', relation: 'self', contactMasked: '135****7162' },
    request: '删除我发布过的所有信息',
    listingIds: [],
    correction: null,
    attachments: [],
    // 18:30 UTC on the 19th is already the 20th in Guangzhou.
    receivedAt: '2026-11-19T18:30:00.000Z',
    workingDays: 15,
    pauses: [],
    history: [{ state: 'received', at: '2026-11-19T18:30:00.000Z', staffId: 'stf_3', staffName: '周敏', note: '' }],
    verification: { method: 'sms_code', attempts: 1, maxAttempts: 3, verifiedAt: '2026-11-20T02:00:00.000Z' },
    refusal: null,
    legalHold: false,
    execution: {
      at: '2026-12-01T03:00:00.000Z',
      outcome: 'completed',
      steps: [
        { subject: 'listing', count: 4, outcome: 'deleted', basis: null, keptUntil: null },
        { subject: 'report', count: 0, outcome: 'deleted', basis: null, keptUntil: null },
        { subject: 'transaction', count: 3, outcome: 'anonymised', basis: 'ecommerce_law_art31', keptUntil: '2029-11-20' },
        { subject: 'login_log', count: 12, outcome: 'anonymised', basis: 'cybersecurity_law_art21', keptUntil: '2027-05-20' },
      ],
      verified: true,
      failureReason: null,
    },
    processorTasks: [],
    accessPackage: null,
    reply: null,
    version: 7,
    createdAt: '2026-11-19T18:30:00.000Z',
    updatedAt: '2026-12-01T03:00:00.000Z',
    ...overrides,
  });
}

describe('draftReplyLetter', () => {
  it('fills a completed deletion with what was deleted and what the law keeps, naming the law and the date', () => {
    const letter = draftReplyLetter(ticket(), templates, { today });
    expect(letter).toContain('账号「小王」于2026年11月20日提出的删除个人信息请求（工单号 RT-2026-000123）');
    expect(letter).toContain('已于2026年12月1日处理完毕');
    expect(letter).toContain('· 发布的信息（4 项）：已删除');
    expect(letter).toContain('· 交易记录（3 项）：已匿名化处理，依据《中华人民共和国电子商务法》第三十一条');
    expect(letter).toContain('保存至2029年11月20日');
    expect(letter).toContain('《中华人民共和国网络安全法》第二十一条');
    expect(letter).not.toContain('举报记录');
    expect(letter).toContain('13580527162');
    expect(letterPlaceholdersOf(letter)).toEqual([]);
  });

  it('puts kept records under {kept} and the rest under {done}, or says none', () => {
    const { done, kept } = stepSummaries([{ subject: 'account', count: 1, outcome: 'anonymised', basis: null, keptUntil: null }], templates, 'zh-CN');
    expect(done).toBe('· 账号信息（1 项）：已匿名化处理');
    expect(kept).toBe('无');
  });

  it('refuses with the coded reason in words, the complaint route and the hotline', () => {
    const refused = ticket({
      state: 'refused',
      execution: null,
      refusal: { reasonCode: 'identity_not_verified', note: '三次验证码错误' },
      history: [
        { state: 'received', at: '2026-11-19T18:30:00.000Z', staffId: 'stf_3', staffName: '周敏', note: '' },
        { state: 'refused', at: '2026-11-24T07:00:00.000Z', staffId: null, staffName: null, note: '' },
      ],
    });
    const letter = draftReplyLetter(refused, templates, { today });
    expect(letterKindOf(refused)).toBe('refused');
    expect(letter).toContain('原因是：未能完成身份核验');
    expect(letter).toContain('投诉、举报，或者依法向人民法院提起诉讼');
    expect(letter).toContain('客服电话 13580527162');
    expect(letter).toContain('2026年11月24日');
    // The internal note stays internal.
    expect(letter).not.toContain('三次验证码错误');
  });

  it('leaves an uncoded refusal reason for the agent to write', () => {
    const letter = draftReplyLetter(ticket({ state: 'refused', execution: null, refusal: { reasonCode: 'other', note: '' } }), templates, { today });
    expect(letterPlaceholdersOf(letter)).toEqual(['otherReason']);
  });

  it('never reveals a legal hold: an account waiting on one gets the general "kept as the law requires" letter', () => {
    const held = ticket({ state: 'approved', legalHold: true, execution: null });
    const letter = draftReplyLetter(held, templates, { today, dueDate: '2026-12-11' });
    expect(letterKindOf(held)).toBe('in_progress_kept');
    expect(letter).toContain('正在处理中');
    expect(letter).toContain('依照法律、行政法规的规定');
    expect(letter).not.toMatch(/保全|冻结|法务/);
  });

  it('describes records held by a hold after a partial execution only in general terms', () => {
    const partial = ticket({
      legalHold: true,
      execution: {
        at: '2026-12-01T03:00:00.000Z',
        outcome: 'completed',
        steps: [{ subject: 'listing', count: 2, outcome: 'held', basis: 'legal_hold', keptUntil: null }],
        verified: true,
        failureReason: null,
      },
    });
    const letter = draftReplyLetter(partial, templates, { today });
    expect(letter).toContain('· 发布的信息（2 项）：依照法律规定需要继续保存');
    expect(letter).not.toMatch(/保全|冻结/);
  });

  it('acknowledges an open request with its due date, and picks the letter by type once answered', () => {
    const open = ticket({ state: 'in_review', execution: null });
    expect(draftReplyLetter(open, templates, { today, dueDate: '2026-12-11' })).toContain('将于2026年12月11日前答复您');
    const access = ticket({ type: 'access', state: 'completed', execution: null, accessPackage: { sha256: 'a'.repeat(64), createdAt: '2026-11-30T02:00:00.000Z', files: [] } });
    expect(letterKindOf(access)).toBe('access_ready');
    expect(draftReplyLetter(access, templates, { today })).toContain('已于2026年11月30日整理完毕');
    expect(letterKindOf(ticket({ type: 'explanation', state: 'approved', execution: null }))).toBe('explanation');
    expect(letterKindOf(ticket({ type: 'correction' }))).toBe('completed_correction');
    expect(letterKindOf(ticket({ type: 'cancellation' }))).toBe('completed_cancellation');
    expect(letterKindOf(ticket({ type: 'deceased_relative' }))).toBe('completed_deceased_relative');
  });

  it('drafts the English reference text too', () => {
    const letter = draftReplyLetter(ticket(), templates, { today, language: 'en' });
    expect(letter).toContain('ticket RT-2026-000123');
    expect(letter).toContain('article 31 of the E-commerce Law');
    expect(letter).toContain('until 2029-11-20');
  });

  it('writes dates the Chinese way', () => {
    expect(letterDate('2027-01-05', 'zh-CN')).toBe('2027年1月5日');
  });
});
