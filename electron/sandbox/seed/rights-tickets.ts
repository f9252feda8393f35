import { createHash } from 'node:crypto';
import { maskPhone } from '../../../shared/masking';
import type { RightsRequestType } from '../../../shared/rights/ticket-states';
import { verificationSmsText } from '../services/rights/sms-gateway';
import { shanghaiDate } from './calendar';
import { Stream, streamOf, type Rng } from './random';
import { receivedMs, ticketRow, type SeedTicketRow, type TicketStory } from './ticket-builder';

/** An account a seeded ticket is about. */
export interface TicketAccount {
  id: string;
  nickname: string;
  phone: string;
  listingIds: string[];
}

/** Eight accounts, one per ticket; the fourth is under the disclosure hold. */
export type TicketAccounts = readonly [TicketAccount, TicketAccount, TicketAccount, TicketAccount, TicketAccount, TicketAccount, TicketAccount, TicketAccount];

export interface SeededTickets {
  tickets: SeedTicketRow[];
  sms: { ticketId: string; phone: string; text: string; code: string; at: string }[];
  /** A completed correction changed the account's nickname. */
  nicknames: { userId: string; nickname: string }[];
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const SURNAMES = ['王', '李', '陈', '黄', '梁', '张', '刘', '林', '何', '吴'];
const NEW_NICKNAMES = ['天河搬家清仓', '海珠区收纳控', '番禺二手小铺', '白云山下看风景', '珠江边的猫'];
const [ZHAO, HE] = ['stf_0004', 'stf_0005'] as const;

type Step = TicketStory['events'][number];
const step = (state: Step['state'], after: number, staff: string, note?: string): Step => ({ state, after, staff, note });
/** Verified on the call: the clock stopped for minutes while the requester read the code out. */
const verifiedOnCall = (staff: string, sent: number, verified: number, method: 'sms_code' | 'phone_and_listing' = 'sms_code') => ({
  events: [step('awaiting_verification', sent, staff), step('in_review', verified, staff)],
  pauses: [{ from: sent, to: verified }],
  verification: { method, attempts: 0, verifiedAfter: verified },
});

interface Drawn {
  code: string;
  nickname: string;
}

function stories(rng: Rng, accounts: TicketAccounts, workingDays: (t: RightsRequestType) => number, { code, nickname }: Drawn): TicketStory[] {
  const [a, b, c, held, e, f, g, h] = accounts;
  const person = (title: string) => `${rng.pick(SURNAMES)}${title}`;
  const base = (type: RightsRequestType, account: TicketAccount) => ({
    type, userId: account.id, nickname: account.nickname, phoneMasked: maskPhone(account.phone), listingIds: [] as string[],
    correction: null, workingDays: workingDays(type), intakeStaff: rng.chance(0.5) ? ZHAO : HE,
    requester: { name: person(rng.chance(0.5) ? '先生' : '女士'), relation: 'self' as const, contactMasked: maskPhone(account.phone) },
  });
  const access = verifiedOnCall(ZHAO, 0.1, 0.3);
  const correction = verifiedOnCall(HE, 0.1, 0.4);
  const cancellation = verifiedOnCall(HE, 0.1, 0.2);
  return [
    {
      ...base('access', a), channel: 'phone', workingDaysAgo: 21, request: '想查一下平台保存了我哪些个人信息，麻烦导出一份给我。', ...access,
      events: [...access.events, step('approved', 24, HE), step('completed', 150, HE, '已发送答复函')],
      accessPackage: {
        sha256: sha256(`${a.id}/package`), after: 148,
        files: [{ name: '个人信息.json', sha256: sha256(`${a.id}/json`) }, { name: '个人信息.html', sha256: sha256(`${a.id}/html`) }],
      },
      reply: { text: '您好：您的个人信息副本已整理完毕，将通过您登记的联系方式安全提供给您。', after: 150, staff: HE },
    },
    {
      ...base('correction', b), channel: 'in_app', workingDaysAgo: 9, request: `昵称里有我的真实姓名，请改成「${nickname}」。`,
      correction: { field: 'nickname', value: nickname }, ...correction,
      events: [...correction.events, step('approved', 48, ZHAO), step('executing', 49, ZHAO), step('completed', 49, ZHAO)],
      steps: [{ subject: 'account', count: 1, outcome: 'corrected', basis: null, keptUntil: null }],
    },
    {
      ...base('deletion', c), channel: 'phone', workingDaysAgo: workingDays('deletion') - 2, listingIds: c.listingIds.slice(0, 1),
      request: '之前发的那条信息已经不需要了，里面有我家的地址，请帮我彻底删除。', ...verifiedOnCall(ZHAO, 0.05, 0.1, 'phone_and_listing'),
    },
    {
      ...base('cancellation', held), channel: 'phone', workingDaysAgo: workingDays('cancellation') + 3,
      request: '不再使用这个平台了，申请注销账号，相关信息都删掉。', ...cancellation,
      events: [...cancellation.events, step('approved', 26, HE, '身份已核实，同意注销')],
    },
    {
      ...base('deletion', e), channel: 'email', workingDaysAgo: 2, request: '邮件来信：请删除我在平台发布过的所有信息。',
      requester: { name: person('女士'), relation: 'self', contactMasked: `${rng.pick(['l', 'w', 'c', 'z'])}***@qq.com` },
      events: [step('awaiting_verification', 1, ZHAO, '已向注册手机号发送核验码')],
      pauses: [{ from: 1, to: null }],
      verification: { method: 'sms_code', attempts: 0, verifiedAfter: null, secret: sha256(code) },
    },
    {
      ...base('explanation', f), channel: 'phone', workingDaysAgo: 14, request: '来电人自称受账号主人委托，询问平台为什么保存其登录记录。',
      requester: { name: person('先生'), relation: 'agent', contactMasked: maskPhone(`139${rng.digits(8)}`) },
      events: [
        step('awaiting_verification', 0.1, ZHAO), step('awaiting_verification', 0.2, ZHAO, '第 1 次核验未通过'),
        step('awaiting_verification', 0.3, ZHAO, '第 2 次核验未通过'), step('refused', 0.4, ZHAO, '3 次核验均未通过'),
      ],
      pauses: [{ from: 0.1, to: 0.4 }],
      verification: { method: 'phone_and_listing', attempts: 3, verifiedAfter: null },
      refusal: { reasonCode: 'identity_not_verified', note: '3 次核验均未通过' },
    },
    {
      ...base('deceased_relative', g), channel: 'phone', workingDaysAgo: 5, request: '家父已于上月去世，作为子女申请注销其账号并删除其个人信息。',
      requester: { name: person('女士'), relation: 'near_relative', contactMasked: maskPhone(`137${rng.digits(8)}`) },
      events: [
        step('awaiting_verification', 0.2, HE, '请来电人提交死亡证明及亲属关系证明'),
        step('in_review', 26, HE, '已核验材料：居民死亡医学证明（推断）书、户口簿亲属关系页'),
      ],
      pauses: [{ from: 0.2, to: 26 }],
      verification: { method: 'relative_documents', attempts: 0, verifiedAfter: 26 },
    },
    {
      ...base('access', h), channel: 'in_app', workingDaysAgo: 1, request: 'App 内提交：申请查阅本人账号的登录记录和交易记录。',
      events: [], pauses: [], verification: { method: null, attempts: 0, verifiedAfter: null },
    },
  ];
}

/**
 * A handful of tickets in every stage, received over the last weeks: an answered access request,
 * a correction done, a deletion two working days from its deadline, a cancellation three days
 * overdue because a hold covers the account, one waiting on an SMS code with its clock paused, a
 * refusal, a relative's request and one just in. Numbered in order of receipt, per year.
 */
export function seedTickets(seed: number, anchorMs: number, accounts: TicketAccounts, workingDays: (t: RightsRequestType) => number): SeededTickets {
  const rng = streamOf(seed, Stream.rights, 0);
  const drawn = { code: rng.digits(6), nickname: rng.pick(NEW_NICKNAMES) };
  const ordered = stories(rng, accounts, workingDays, drawn)
    .map((story) => ({ story, at: receivedMs(anchorMs, story.workingDaysAgo) }))
    .sort((x, y) => x.at - y.at);
  const serials = new Map<string, number>();
  const tickets = ordered.map(({ story, at }, i) => {
    const year = shanghaiDate(at).slice(0, 4);
    const serial = (serials.get(year) ?? 0) + 1;
    serials.set(year, serial);
    return ticketRow(`rt_seed_${String(i + 1).padStart(4, '0')}`, `RT-${year}-${String(serial).padStart(6, '0')}`, story, anchorMs);
  });
  const waiting = tickets.find((t) => t.verificationSecret !== null)!;
  const sentAt = (JSON.parse(String(waiting.pauses)) as { from: string }[])[0]!.from;
  return {
    tickets,
    sms: [{ ticketId: String(waiting.id), phone: accounts[4].phone, text: verificationSmsText(drawn.code, String(waiting.number)), code: drawn.code, at: sentAt }],
    nicknames: [{ userId: accounts[1].id, nickname: drawn.nickname }],
  };
}
