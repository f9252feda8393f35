import { describe, expect, it } from 'vitest';
import keywords from '../../../resources/moderation/flag-keywords.json';
import type { Category } from '../../platform/entities';
import { createFlagRules, flagListing, parseFlagConfig, type ListingFlag } from './index';

const rules = createFlagRules(parseFlagConfig(keywords));

function flagsFor(body: string, options: { title?: string; category?: Category } = {}): ListingFlag[] {
  const listing = { title: options.title ?? '闲置转让', body, category: options.category ?? 'second_hand', priceFen: null, priceUnit: 'item' as const };
  const flags = flagListing(rules, listing, {});
  // Whatever else a case checks, every highlight must be exactly the original characters.
  for (const flag of flags) {
    for (const span of flag.spans) {
      const original = span.field === 'title' ? listing.title : listing.body;
      expect(original.slice(span.start, span.end)).toBe(span.text);
    }
  }
  return flags;
}

const hits = (flags: ListingFlag[]) => flags.flatMap((f) => f.spans.map((s) => [f.rule, s.text] as const));

/** [body, expected [rule, exact original span] pairs]; the way sellers write them in the wild. */
const evasions: [string, [string, string][]][] = [
  ['有意者加V：gz_chen88 详聊', [['contact.wechat', '加V：gz_chen88']]],
  ['电话①③⑧①②③④⑤⑥⑦⑧', [['contact.phone', '①③⑧①②③④⑤⑥⑦⑧']]],
  ['联系一三八一二三四五六七八', [['contact.phone', '一三八一二三四五六七八']]],
  ['手机：１３８-１２３４-５６７８，非诚勿扰', [['contact.phone', '１３８-１２３４-５６７８']]],
  ['看货直接打138 1234 5678。', [['contact.phone', '138 1234 5678']]],
  ['平台消息不常看，薇信 chen_1988详聊', [['contact.wechat', '薇信 chen_1988']]],
  ['扣扣 12345678 看到秒回', [['contact.qq', '扣扣 12345678']]],
  ['电话13812345678，威信同号。', [['contact.phone', '13812345678'], ['contact.wechat', '威信同号']]],
  ['電話 138 1234 5678', [['contact.phone', '138 1234 5678']]],
  ['看房前先付訂金，否则不带看', [['payment.deposit', '看房前先付訂金']]],
  ['联系方式：1 3 8 1 2 3 4 5 6 7 8', [['contact.phone', '1 3 8 1 2 3 4 5 6 7 8']]],
  ['壹叁捌壹贰叁肆伍陆柒捌 有意者联系', [['contact.phone', '壹叁捌壹贰叁肆伍陆柒捌']]],
  ['有意者请联系幺三八 幺二三四 五六七八。', [['contact.phone', '幺三八 幺二三四 五六七八']]],
  ['1三8①2３4五6七8，看到秒回', [['contact.phone', '1三8①2３4五6七8']]],
  ['13812345678一直开机', [['contact.phone', '13812345678']]],
  ['电138.1234.5678', [['contact.phone', '138.1234.5678']]],
  ['联系：138*1234*5678', [['contact.phone', '138*1234*5678']]],
  ['打1-3-8-1-2-3-4-5-6-7-8', [['contact.phone', '1-3-8-1-2-3-4-5-6-7-8']]],
  ['请联系138、1234、5678', [['contact.phone', '138、1234、5678']]],
  ['手机 138\u200b1234\u200b5678', [['contact.phone', '138\u200b1234\u200b5678']]],
  ['📱1️⃣3️⃣8️⃣1️⃣2️⃣3️⃣4️⃣5️⃣6️⃣7️⃣8️⃣ 随时打', [['contact.phone', '1️⃣3️⃣8️⃣1️⃣2️⃣3️⃣4️⃣5️⃣6️⃣7️⃣8️⃣']]],
  ['🏠🏠押一付三 ❶❸❽❶❷❸❹❺❻❼❽', [['contact.phone', '❶❸❽❶❷❸❹❺❻❼❽']]],
  ['⑴⑶⑻⑴⑵⑶⑷⑸⑹⑺⑻ 随时看房', [['contact.phone', '⑴⑶⑻⑴⑵⑶⑷⑸⑹⑺⑻']]],
  ['聯繫電話：一三八 一二三四 五六七八', [['contact.phone', '一三八 一二三四 五六七八']]],
  ['+86 138 1234 5678（微信同号）', [['contact.phone', '138 1234 5678'], ['contact.wechat', '微信同号']]],
  ['有意vx:chen_gz88，备注来意。', [['contact.wechat', 'vx:chen_gz88']]],
  ['非诚勿扰，售出不退不换。＋V wu_gz，看到秒回。', [['contact.wechat', '＋V wu_gz']]],
  ['更多照片➕V gzchen_88', [['contact.wechat', '➕V gzchen_88']]],
  ['平台消息不常看，微 信:li_tianhe详聊。', [['contact.wechat', '微 信:li_tianhe']]],
  ['WeChat: Tianhe_Lee88', [['contact.wechat', 'WeChat: Tianhe_Lee88']]],
  ['加微信13812345678，备注看房', [['contact.wechat', '加微信13812345678']]],
  ['卫星：gz_huang1990', [['contact.wechat', '卫星：gz_huang1990']]],
  ['V信 xiaoli_520 看到秒回', [['contact.wechat', 'V信 xiaoli_520']]],
  ['有意加薇wu31，备注来意。', [['contact.wechat', '加薇wu31']]],
  ['平台消息不常看，威信ye666详聊。', [['contact.wechat', '威信ye666']]],
  ['ｖｘ：ｇｚ＿ｌｉ８８', [['contact.wechat', 'ｖｘ：ｇｚ＿ｌｉ８８']]],
  ['QQ号：１２３４５６７８９', [['contact.qq', 'QQ号：１２３４５６７８９']]],
  ['企鹅 1234 5678', [['contact.qq', '企鹅 1234 5678']]],
  ['店铺电话 020-8888 1234，欢迎来电', [['contact.landline', '020-8888 1234']]],
  ['座机（020）38881234', [['contact.landline', '020）38881234']]],
  ['私下交易免平台服务费，支付宝转我即可。', [['payment.transfer', '私下交易'], ['payment.transfer', '支付宝转我']]],
  ['外地的先付定.金，我这边顺丰发货', [['payment.deposit', '先付定.金']]],
  ['全金属仿真槍，配两个弹夹', [['prohibited.weapon', '仿真槍']]],
  ['家里老人用剩的處方藥，没有处方也可以拿', [['prohibited.drugs', '處方藥'], ['prohibited.drugs', '没有处方']]],
  ['银行卡出售，卡、U盾、手机卡一套', [['prohibited.financial', '银行卡出售']]],
  ['代开發票，点数低', [['prohibited.documents', '代开發票']]],
];

describe('contact details and other evasions', () => {
  it('has a table big enough to mean something', () => {
    expect(evasions.length).toBeGreaterThanOrEqual(30);
  });

  it.each(evasions)('%s', (body, expected) => {
    const found = hits(flagsFor(body));
    for (const pair of expected) expect(found).toContainEqual(pair);
    // Nothing else in the contact family: one contact, one flag.
    expect(found.filter(([rule]) => rule.startsWith('contact.'))).toHaveLength(expected.filter(([rule]) => rule.startsWith('contact.')).length);
  });

  it('finds a phone in the title and maps offsets into the title', () => {
    const flags = flagsFor('成色很好', { title: '急出 iPhone 13 联系138-1234-5678' });
    expect(flags).toEqual([
      { kind: 'contact_in_text', rule: 'contact.phone', spans: [{ field: 'title', start: 15, end: 28, text: '138-1234-5678' }], detail: { normalised: '13812345678' } },
    ]);
  });

  it('reports the same phone in title and body as one flag with two spans', () => {
    const flags = flagsFor('电话 138 1234 5678', { title: '吊柜转让 13812345678' });
    expect(flags).toHaveLength(1);
    expect(flags[0]?.spans.map((s) => s.field)).toEqual(['title', 'body']);
  });

  it('takes "同号" only after a phone: on its own it names nothing', () => {
    expect(hits(flagsFor('微信同号，欢迎咨询'))).toEqual([]);
    expect(hits(flagsFor('VX同号 13812345678'))).toEqual([['contact.phone', '13812345678']]);
    // …but a phone in the title counts for "微信同号" in the body.
    const acrossFields = flagsFor('微信同号', { title: '小米14 转让 13912345678' });
    expect(acrossFields.find((f) => f.rule === 'contact.wechat')?.detail).toEqual({ normalised: '13912345678', via: 'same_as_phone' });
  });

  it('keeps each phone apart when two are written together', () => {
    expect(hits(flagsFor('13812345678/13912345678'))).toEqual([['contact.phone', '13812345678'], ['contact.phone', '13912345678']]);
  });
});

/** Ordinary listings full of numbers and numeral words that must not look like contacts. */
const clean: string[] = [
  'iPhone 15 Pro 256G 原色钛金属 电池健康89% 2023年11月购入 3500元',
  '宝马320Li 2019款 4万公里 13.5万 粤A牌 0过户 车况好',
  '天河 员村 三房两厅 89平方 月租4500元 押二付一 2024年3月1日起租',
  '招聘厨师 月薪6900-9600元 五险一金 每月14号发工资 年龄18-45岁',
  '一个人住用不完 二手冰箱 一二百块拿走 九成新',
  '七八成新 九五新 只用过一两个月，一共三只',
  '2024-03-15 13:30 看房，地铁3号线 5号线都近',
  '房源编号 GZ20240315001，楼层 13/30，朝南',
  '订单号 202403151381234567 可查',
  '快递单号 SF1381234567890 已发出',
  'RTX 3060 12G 显卡 i5-12400F 16G 内存 512G 固态',
  '尺码 36 37 38 39 40 都有，颜色 3 种',
  '价格 1,380,000 元 建面 153㎡ 满五唯一',
  '二〇一九年购入，卖家一九九八年出生',
  '身高165-175 体重50-65公斤 年龄18-35',
  'V领毛衣 M码 vintage 风格，另有 Volvo XC60 脚垫',
  '支持微信支付和支付宝，当面交易',
  '平台聊天即可，不要私下加微信',
  '小米14 16+512 几乎全新',
  '营业时间 9:00-21:00 周一至周日',
  'QQ飞车 账号 等级60 皮肤全',
  'Canon 5D Mark IV 24-105mm 镜头 快门数 3万',
  '2018 2019 2020 2021 四年年检记录齐全',
  '地址：天河路 385 号 太古汇 1 座 13 楼 1308 室',
  '工作时间 8:30-12:00 13:30-18:00，月休4天',
  '车牌 粤A·12345 年检到2025年',
  '儿童早教机 跟读一二三四五六七八九十',
  'stm32f103c8t6 开发板 for development 全新未拆',
  '微信群可拉，邻居团购',
  '租金 2800/月，押金 2800，水电 1.5/度 4.5/吨',
];

describe('clean listings', () => {
  it('has a table big enough to mean something', () => {
    expect(clean.length).toBeGreaterThanOrEqual(20);
  });

  it.each(clean)('no contact flag: %s', (body) => {
    expect(flagsFor(body, { category: 'housing' }).filter((f) => f.kind === 'contact_in_text')).toEqual([]);
  });
});
