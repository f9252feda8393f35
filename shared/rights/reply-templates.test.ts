import { describe, expect, it } from 'vitest';
import templatesFile from '../../resources/rights/reply-templates.json';
import { refusalReasons } from './ticket-states';
import { letterKinds, letterPlaceholders, letterPlaceholdersOf, parseReplyTemplates, ReplyTemplates } from './reply-templates';

const templates = parseReplyTemplates(templatesFile);

describe('the reply templates in resources/rights/reply-templates.json', () => {
  it('sign with the company and numbers the privacy policy gives', () => {
    expect(templates.contact).toEqual({ company: '讯通无限(广州)网络技术有限公司', serviceHotline: '13580527162', contactPhone: '13922783420' });
  });

  it('have a letter per outcome in both languages, using only known placeholders', () => {
    const known = new Set<string>(letterPlaceholders);
    for (const kind of letterKinds) {
      for (const language of ['zh-CN', 'en'] as const) {
        const body = templates.letters[kind][language];
        expect(letterPlaceholdersOf(body).filter((p) => !known.has(p))).toEqual([]);
        expect(body).toContain('{ticketNumber}');
        expect(body).toContain('{serviceHotline}');
      }
    }
  });

  it('give every letter about a finished removal both what was done and what the law keeps', () => {
    for (const kind of ['completed_deletion', 'completed_cancellation', 'completed_deceased_relative'] as const) {
      expect(letterPlaceholdersOf(templates.letters[kind]['zh-CN'])).toEqual(expect.arrayContaining(['done', 'kept', 'completedDate']));
    }
  });

  it('tell a refused user where to complain or sue (PIPL art. 50), for every refusal reason', () => {
    const refused = templates.letters.refused['zh-CN'];
    expect(refused).toContain('可以向履行个人信息保护职责的部门投诉、举报，或者依法向人民法院提起诉讼');
    expect(refused).toContain('{reason}');
    for (const code of refusalReasons) expect(templates.refusalReasons[code]['zh-CN'].trim()).not.toBe('');
  });

  it('never name a legal hold in any text a user may receive', () => {
    const userText = JSON.stringify({ ...templates, description: '' });
    expect(userText).not.toMatch(/保全|冻结|legal hold/i);
  });
});

describe('the template schema', () => {
  const valid = structuredClone(templatesFile);

  it('refuses a refusal letter without the complaint route', () => {
    const broken = structuredClone(valid);
    broken.letters.refused['zh-CN'] = '您好：您的请求（{ticketNumber}）未获办理，原因是：{reason}。客服电话 {serviceHotline}。';
    const parsed = ReplyTemplates.safeParse(broken);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join('.'))).toContain('letters.refused.zh-CN');
  });

  it('refuses a letter that mentions a hold, an unknown placeholder, or a missing outcome', () => {
    const hold = structuredClone(valid);
    hold.letters.in_progress_kept['zh-CN'] = '您的账号处于法律保全中（{ticketNumber}）。';
    expect(ReplyTemplates.safeParse(hold).success).toBe(false);
    const unknown = structuredClone(valid);
    unknown.letters.explanation.en = 'Dear {fullName}, {ticketNumber}';
    expect(ReplyTemplates.safeParse(unknown).error?.issues[0]?.message).toContain('{fullName}');
    const { refused: _refused, ...missing } = valid.letters;
    expect(ReplyTemplates.safeParse({ ...valid, letters: missing }).success).toBe(false);
  });
});
