import type { DisclosureCategory, DisclosureOutcome } from '../../../shared/legal/disclosure-rules';
import type { Disclosure, DisclosureRequest, DisclosureScope } from '../../../shared/platform/disclosure-entities';

/** An account a hold already covers, with the hold's reference, so the register and the hold tell one story. */
export interface HeldAccount {
  userId: string;
  reference: string;
}

export interface StoryAccounts {
  /** Under the court's preservation order (hold_0001). */
  preserved: HeldAccount;
  /** Under the hold for the police request still awaiting approval (hold_0003). */
  pending: HeldAccount;
  /** Accounts no hold covers; stories take them in turn. */
  others: readonly string[];
}

type Ending =
  | { kind: 'awaiting' }
  | { kind: 'approved' }
  | { kind: 'disclosed'; outcome: Extract<DisclosureOutcome, 'disclosed_full' | 'disclosed_part'>; method: NonNullable<Disclosure['production']>['deliveryMethod']; files: string[]; receipt: boolean }
  | { kind: 'closed'; outcome: Extract<DisclosureOutcome, 'none_found' | 'refused'>; reason: string; approved: boolean };

/** A seeded register entry: the request as it stands, and what legal staff did with it. */
export interface Story {
  daysAgo: number;
  /** Hour of receipt, UTC (Beijing is eight hours ahead). */
  hour: number;
  preparedBy: 'stf_0006' | 'stf_0007';
  request: Omit<DisclosureRequest, 'receivedAt'>;
  /** What is handed over, when it differs from what was asked, and counsel's reason when it goes beyond. */
  disclosed?: { scope: DisclosureScope; justification?: string };
  ending: Ending;
  notifiedAfterDays?: number;
  /** A correction made later: the fields as first saved, which `request` corrects. */
  amendment?: { afterDays: number; reason: string; firstSaved: Partial<DisclosureRequest> };
}

export interface StoryClock {
  /** The Beijing date this many days from the anchor (negative: before it). */
  date(daysFromAnchor: number): string;
  year(daysFromAnchor: number): number;
}

const scope = (userIds: string[], categories: DisclosureCategory[], from: string, to: string): DisclosureScope => ({ userIds, categories, from, to });
const officers = (...pairs: [string, string][]) => pairs.map(([name, badgeNumber]) => ({ name, badgeNumber }));
const domestic = { domestic: true, foreignApproval: null, emergency: false, noNotify: false, noNotifyUntil: null } as const;

/**
 * Thirteen requests over the fifteen months before the anchor, so each quarter of the current
 * year has some: police, procurators, courts, market regulators and the cyberspace office; a mix of
 * outcomes; two emergencies; no-notify orders (one open-ended, one ending in days, one ended);
 * a foreign request refused under DSL art. 36; a preservation order; a justified over-disclosure
 * and a corrected document number.
 */
export function registerStories({ preserved, pending, others }: StoryAccounts, clock: StoryClock): Story[] {
  const o = (i: number) => others[i % others.length]!;
  const { date, year } = clock;
  return [
    {
      daysAgo: 455, hour: 2, preparedBy: 'stf_0006',
      request: {
        ...domestic, channel: 'in_person', authorityType: 'public_security', authorityName: '广州市公安局天河区分局',
        officers: officers(['陈国栋', '044156'], ['黄志明', '044893']), identityCheck: { callBackNumber: '020-85200110', note: '回拨分局值班室核实两名民警身份及文书真实性' },
        instrumentType: 'evidence_collection_notice', documentNumber: `穗公（天）调证字〔${year(-455)}〕0871号`, approvingOfficial: '张志华（副局长）',
        caseCause: '涉嫌诈骗罪（二手手机虚假交易）', statute: '《刑事诉讼法》第五十四条', noNotify: true, noNotifyUntil: date(-395),
        scopeRequested: scope([o(0)], ['account_profile', 'registration_phone', 'listings', 'login_logs'], date(-575), date(-460)),
      },
      ending: { kind: 'disclosed', outcome: 'disclosed_full', method: 'police_platform', files: ['账号注册信息.csv', '发布信息.csv', '登录日志.csv'], receipt: true },
      notifiedAfterDays: 70,
    },
    {
      daysAgo: 390, hour: 6, preparedBy: 'stf_0007',
      request: {
        ...domestic, channel: 'mail', authorityType: 'court', authorityName: '广州市番禺区人民法院',
        officers: officers(['林晓', '法官 4401130217']), identityCheck: { callBackNumber: '020-84628000', note: '回拨法院总机转承办庭核实' },
        instrumentType: 'court_order', documentNumber: `（${year(-390)}）粤0113民初3321号`, approvingOfficial: '审判员 林晓',
        caseCause: '房屋租赁合同纠纷', statute: '《民事诉讼法》第六十七条',
        scopeRequested: scope([o(1)], ['account_profile', 'listings', 'messages'], date(-600), date(-400)),
      },
      disclosed: { scope: scope([o(1)], ['account_profile', 'listings'], date(-600), date(-400)) },
      ending: { kind: 'disclosed', outcome: 'disclosed_part', method: 'mail', files: ['账号信息及发布信息.csv'], receipt: true },
    },
    {
      daysAgo: 330, hour: 3, preparedBy: 'stf_0006',
      request: {
        ...domestic, channel: 'mail', authorityType: 'market_regulation', authorityName: '广州市市场监督管理局',
        officers: officers(['梁晓东', '44010023']), identityCheck: { callBackNumber: '020-12345', note: '经 12345 转市场监管局执法支队核实' },
        instrumentType: 'assistance_inquiry_notice', documentNumber: `穗市监协查〔${year(-330)}〕112号`, approvingOfficial: '执法支队 刘建平',
        caseCause: '涉嫌销售假冒注册商标的商品', statute: '《电子商务法》第二十五条',
        scopeRequested: scope([o(2), o(3)], ['account_profile', 'listings', 'transactions'], date(-420), date(-340)),
      },
      ending: { kind: 'closed', outcome: 'none_found', reason: '所列期间内两个账号均无发布信息及交易记录，已书面回复协查单位。', approved: true },
    },
    {
      daysAgo: 300, hour: 9, preparedBy: 'stf_0007',
      request: {
        ...domestic, domestic: false, channel: 'email', authorityType: 'other', authorityName: '新加坡警察部队商业事务局（Singapore Police Force, CAD）',
        officers: officers(['Tan Wei Ming', 'SPF-20417']), identityCheck: { callBackNumber: '+65 6391 0000', note: '经对方官网公布的总机回拨，仅核实来函人员身份' },
        instrumentType: 'other', documentNumber: `SPF/CAD/${year(-300)}/00417`, approvingOfficial: 'Superintendent Lim Kok Hua',
        caseCause: '跨境网络诈骗调查，请求提供账号注册手机号及登录记录', statute: 'Criminal Procedure Code 1955 (Singapore) s. 20',
        scopeRequested: scope([o(4)], ['registration_phone', 'login_logs'], date(-400), date(-310)),
      },
      ending: {
        kind: 'closed', outcome: 'refused', approved: false,
        reason: '外国执法机构直接调取境内存储的个人信息，未经我国主管机关批准，依据《数据安全法》第三十六条、《个人信息保护法》第四十一条不予提供；已回函告知其通过刑事司法协助渠道提出。',
      },
    },
    {
      daysAgo: 270, hour: 14, preparedBy: 'stf_0006',
      request: {
        ...domestic, channel: 'police_platform', authorityType: 'public_security', authorityName: '广州市公安局越秀区分局',
        officers: officers(['何伟强', '045512']), identityCheck: { callBackNumber: '020-83005110', note: '紧急：回拨分局指挥中心核实，书面文书当日补送' },
        instrumentType: 'evidence_collection_notice', documentNumber: `穗公（越）调证字〔${year(-270)}〕0233号`, approvingOfficial: '值班局领导 郑国华',
        caseCause: '失踪未成年人紧急查找（涉嫌拐骗儿童）', statute: '《刑事诉讼法》第五十四条', emergency: true, noNotify: true,
        scopeRequested: scope([o(5)], ['registration_phone', 'login_logs', 'device_info'], date(-277), date(-270)),
      },
      ending: { kind: 'disclosed', outcome: 'disclosed_full', method: 'police_platform', files: ['登录日志及设备信息.csv'], receipt: false },
    },
    {
      daysAgo: 220, hour: 2, preparedBy: 'stf_0007',
      request: {
        ...domestic, channel: 'in_person', authorityType: 'procuratorate', authorityName: '广州市越秀区人民检察院',
        officers: officers(['周敏', '检察官 4401040032'], ['吴俊', '检察官助理 4401040057']), identityCheck: { callBackNumber: '020-83563000', note: '核验检察官证并回拨院办公室' },
        instrumentType: 'evidence_collection_notice', documentNumber: `越检刑调〔${year(-220)}〕58号`, approvingOfficial: '副检察长 陈立新',
        caseCause: '涉嫌侵犯公民个人信息罪', statute: '《刑事诉讼法》第五十四条',
        scopeRequested: scope([o(6), o(7)], ['account_profile', 'listings', 'transactions'], date(-400), date(-230)),
      },
      disclosed: {
        scope: scope([o(6), o(7)], ['account_profile', 'listings', 'transactions', 'login_logs'], date(-400), date(-230)),
        justification: `检察官现场出具补充说明（越检补〔${year(-220)}〕3号），需核对交易时间与登录 IP 的对应关系；补充说明已随卷归档，经双人复核后一并提供登录日志。`,
      },
      ending: { kind: 'disclosed', outcome: 'disclosed_full', method: 'encrypted_media', files: ['账号信息.csv', '交易记录.csv', '登录日志.csv'], receipt: true },
      notifiedAfterDays: 40,
    },
    {
      daysAgo: 180, hour: 7, preparedBy: 'stf_0007',
      request: {
        ...domestic, channel: 'mail', authorityType: 'cyberspace', authorityName: '广东省互联网信息办公室（广东省网信办）',
        officers: officers(['罗嘉怡', '网信执法 44000125']), identityCheck: { callBackNumber: '020-87100000', note: '回拨网信办网络执法处核实' },
        instrumentType: 'assistance_inquiry_notice', documentNumber: `粤网信函〔${year(-180)}〕76号`, approvingOfficial: '网络执法处 处长 许文斌',
        caseCause: '网络谣言信息溯源核查', statute: '《网络安全法》第四十九条',
        scopeRequested: scope([o(8)], ['account_profile', 'listings'], date(-200), date(-185)),
      },
      ending: { kind: 'disclosed', outcome: 'disclosed_full', method: 'mail', files: ['发布信息及账号信息.csv'], receipt: true },
      amendment: { afterDays: 9, reason: '登记时文书编号数字顺序录入错误（76 录作 67），按原件更正。', firstSaved: { documentNumber: `粤网信函〔${year(-180)}〕67号` } },
    },
    {
      daysAgo: 140, hour: 3, preparedBy: 'stf_0006',
      request: {
        ...domestic, channel: 'in_person', authorityType: 'court', authorityName: '广州市海珠区人民法院',
        officers: officers(['冯志刚', '法官 4401050118'], ['邓丽', '书记员']), identityCheck: { callBackNumber: '020-89028000', note: '核验工作证并回拨立案庭' },
        instrumentType: 'court_order', documentNumber: `（${year(-140)}）粤0105民初5678号`, approvingOfficial: '审判员 冯志刚',
        caseCause: '网络服务合同纠纷', statute: '《民事诉讼法》第六十七条',
        scopeRequested: scope([o(9)], ['account_profile', 'transactions'], date(-500), date(-150)),
      },
      ending: { kind: 'disclosed', outcome: 'disclosed_part', method: 'encrypted_media', files: ['交易记录（已超保存期部分除外）.csv'], receipt: true },
    },
    {
      daysAgo: 100, hour: 11, preparedBy: 'stf_0007',
      request: {
        ...domestic, channel: 'police_platform', authorityType: 'public_security', authorityName: '广州市公安局白云区分局',
        officers: officers(['郭振华', '046207']), identityCheck: { callBackNumber: '020-86300110', note: '紧急：回拨分局网警大队核实' },
        instrumentType: 'evidence_collection_notice', documentNumber: `穗公（白）调证字〔${year(-100)}〕1234号`, approvingOfficial: '副局长 马建军',
        caseCause: '涉嫌组织考试作弊罪（出售考试答案）', statute: '《网络安全法》第二十八条', emergency: true, noNotify: true, noNotifyUntil: date(5),
        scopeRequested: scope([o(10), o(11)], ['account_profile', 'listings', 'messages', 'login_logs'], date(-130), date(-100)),
      },
      ending: { kind: 'disclosed', outcome: 'disclosed_full', method: 'police_platform', files: ['账号及发布信息.csv', '站内消息.csv', '登录日志.csv'], receipt: false },
    },
    {
      daysAgo: 70, hour: 6, preparedBy: 'stf_0006',
      request: {
        ...domestic, channel: 'fax', authorityType: 'market_regulation', authorityName: '广州市天河区市场监督管理局',
        officers: officers(['谢文', '44010617']), identityCheck: { callBackNumber: '020-38622222', note: '回拨区局办公室，来函人身份属实' },
        instrumentType: 'assistance_inquiry_notice', documentNumber: `天市监函〔${year(-70)}〕209号`, approvingOfficial: '区局 副局长 蔡明',
        caseCause: '涉嫌无照经营二手车业务', statute: '《市场监督管理行政处罚程序规定》第二十条',
        scopeRequested: scope([o(1)], ['account_profile', 'registration_phone'], date(-160), date(-75)),
      },
      ending: {
        kind: 'closed', outcome: 'refused', approved: false,
        reason: '协查函要求提供二手车类目全部发布者手机号，超出个案调查所需且未载明具体账号对应的违法线索；已书面回复，请其限定范围后重新出具文书。',
      },
    },
    {
      daysAgo: 41, hour: 3, preparedBy: 'stf_0006',
      request: {
        ...domestic, channel: 'in_person', authorityType: 'court', authorityName: '广州市天河区人民法院',
        officers: officers(['苏建新', '执行员 4401060233'], ['黎静', '书记员']), identityCheck: { callBackNumber: '020-38682000', note: '核验执行公务证并回拨执行局' },
        instrumentType: 'assistance_freeze_notice', documentNumber: preserved.reference, approvingOfficial: '执行局 局长 区志强',
        caseCause: '买卖合同纠纷诉讼保全', statute: '《民事诉讼法》第一百零三条',
        scopeRequested: scope([preserved.userId], ['account_profile', 'listings', 'transactions', 'login_logs'], date(-406), date(-41)),
      },
      ending: { kind: 'disclosed', outcome: 'disclosed_full', method: 'in_person', files: ['保全数据清单.csv'], receipt: true },
    },
    {
      daysAgo: 25, hour: 2, preparedBy: 'stf_0007',
      request: {
        ...domestic, channel: 'in_person', authorityType: 'procuratorate', authorityName: '广州市越秀区人民检察院',
        officers: officers(['周敏', '检察官 4401040032']), identityCheck: { callBackNumber: '020-83563000', note: '同一承办检察官，回拨核实' },
        instrumentType: 'evidence_collection_notice', documentNumber: `越检刑调〔${year(-25)}〕71号`, approvingOfficial: '副检察长 陈立新',
        caseCause: '涉嫌帮助信息网络犯罪活动罪', statute: '《刑事诉讼法》第五十四条',
        scopeRequested: scope([o(3)], ['account_profile', 'transactions'], date(-120), date(-30)),
      },
      ending: { kind: 'approved' },
    },
    {
      daysAgo: 9, hour: 1, preparedBy: 'stf_0006',
      request: {
        ...domestic, channel: 'in_person', authorityType: 'public_security', authorityName: '广州市公安局天河区分局',
        officers: officers(['李振宇', '044377'], ['陈浩', '044521']), identityCheck: { callBackNumber: '020-85200110', note: '回拨分局值班室核实' },
        instrumentType: 'evidence_collection_notice', documentNumber: pending.reference, approvingOfficial: '副局长 张志华',
        caseCause: '涉嫌诈骗罪', statute: '《刑事诉讼法》第五十四条', noNotify: true, noNotifyUntil: date(60),
        scopeRequested: scope([pending.userId], ['account_profile', 'registration_phone', 'login_logs', 'transactions'], date(-190), date(-10)),
      },
      ending: { kind: 'awaiting' },
    },
  ];
}
