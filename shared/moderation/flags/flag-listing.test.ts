import { describe, expect, it } from 'vitest';
import keywords from '../../../resources/moderation/flag-keywords.json';
import type { Category } from '../../platform/entities';
import { createFlagRules, flagListing, parseFlagConfig, type FlaggableListing, type ListingFlag } from './index';

const rules = createFlagRules(parseFlagConfig(keywords));

function listing(overrides: Partial<FlaggableListing>): FlaggableListing {
  return { title: '闲置转让', body: '', category: 'second_hand', priceFen: null, priceUnit: 'item', ...overrides };
}

const rulesIn = (flags: ListingFlag[]) => flags.map((f) => f.rule);
const bodyFlags = (body: string, category: Category = 'second_hand') => flagListing(rules, listing({ body, category }), {});

describe('off-platform payment', () => {
  it('reports one flag per rule, listing the phrases and joining touching spans', () => {
    const [flag] = bodyFlags('看房前先付訂金200元，不然不带看。', 'housing');
    expect(flag).toEqual({
      kind: 'off_platform_payment',
      rule: 'payment.deposit',
      spans: [{ field: 'body', start: 0, end: 7, text: '看房前先付訂金' }],
      detail: { matched: '看房前先付、订金', count: 1 },
    });
  });

  it('ignores a phrase the writer is warning against', () => {
    expect(bodyFlags('平台交易，拒绝私下交易，不收任何定金。')).toEqual([]);
    // The negation belongs to its own clause only.
    expect(rulesIn(bodyFlags('拒绝砍价，先付定金锁车。', 'used_cars'))).toEqual(['payment.deposit']);
  });

  it('ignores the platform’s own guarantee deposit', () => {
    expect(bodyFlags('本店已交平台保证金，放心购买')).toEqual([]);
  });

  it('charges job fees only to job ads', () => {
    expect(rulesIn(bodyFlags('入职前先交培训费380元，培训合格后退还。', 'jobs'))).toEqual(['payment.job_fee']);
    expect(bodyFlags('驾校培训费3800元，包接送。', 'local_services')).toEqual([]);
    expect(bodyFlags('押一付三，押金2800。', 'housing')).toEqual([]);
  });
});

describe('prohibited items', () => {
  it.each([
    ['收藏级仿真枪 全金属 手感好', 'prohibited.weapon', '仿真枪'],
    ['户外十字弩 送箭', 'prohibited.weapon', '弩'],
    ['野生穿山甲 活体', 'prohibited.wildlife', '穿山甲'],
    ['祖传象牙雕件', 'prohibited.wildlife', '象牙'],
    ['多余处方药转让 医院开的', 'prohibited.drugs', '处方药'],
    ['毕业证驾驶证都可以办，假证做工逼真', 'prohibited.documents', '假证'],
    ['手机卡实名出售 可接码注册', 'prohibited.financial', '手机卡实名'],
    ['过年剩的烟花爆竹 低价出', 'prohibited.fireworks', '烟花爆竹'],
    ['悦刻电子烟 全新未拆', 'prohibited.tobacco', '悦刻电子烟'],
  ])('%s → %s', (body, rule, text) => {
    const flag = bodyFlags(body).find((f) => f.rule === rule);
    expect(flag?.kind).toBe('prohibited_item');
    expect(flag?.spans.map((s) => s.text)).toContain(text);
  });

  it('leaves innocent longer words alone', () => {
    for (const body of ['象牙白衣柜 九成新', '汽修用打气枪 吹气枪', '虎皮鹦鹉一对 连笼子', '烟花烫 发型设计', '抖音10k粉丝账号', '猫头鹰摆件 实木', '有发票 原装正品']) {
      expect(bodyFlags(body, 'pets').filter((f) => f.kind === 'prohibited_item')).toEqual([]);
    }
  });

  it('puts every span on the original text', () => {
    const body = '🎆過年剩的煙花爆竹，另有仿 真 槍出';
    for (const flag of bodyFlags(body)) for (const s of flag.spans) expect(body.slice(s.start, s.end)).toBe(s.text);
    expect(bodyFlags(body).flatMap((f) => f.spans.map((s) => s.text))).toEqual(['煙花爆竹', '仿 真 槍']);
  });
});

describe('price far below the category median', () => {
  const iphone = (priceFen: number | null) => listing({ title: 'iPhone 15 Pro 256G 九成新', body: '电池健康89%', priceFen });

  it('flags a 500-yuan iPhone 15 Pro against a 5,200-yuan median', () => {
    const flag = flagListing(rules, iphone(50_000), { medianPriceFen: 520_000 }).find((f) => f.kind === 'price_far_below_median');
    expect(flag?.rule).toBe('price.below_median');
    expect(flag?.spans).toEqual([]);
    expect(flag?.detail).toMatchObject({ median: 520_000, priceFen: 50_000, percentBelow: 90, category: 'second_hand', priceUnit: 'item', group: 'phone', threshold: 0.3 });
    expect(flag?.detail.ratio).toBeCloseTo(0.0962, 4);
  });

  it('does not flag an ordinary discount, 面议, or a missing median', () => {
    expect(flagListing(rules, iphone(400_000), { medianPriceFen: 520_000 })).toEqual([]);
    expect(flagListing(rules, iphone(null), { medianPriceFen: 520_000 })).toEqual([]);
    expect(flagListing(rules, iphone(50_000), { medianPriceFen: null })).toEqual([]);
    expect(flagListing(rules, iphone(50_000), { medianPriceFen: 0 })).toEqual([]);
    expect(flagListing(rules, iphone(50_000), {})).toEqual([]);
  });

  it('flags at the threshold exactly, and the threshold is configurable', () => {
    expect(flagListing(rules, iphone(156_000), { medianPriceFen: 520_000 })).toHaveLength(1);
    const strict = createFlagRules(parseFlagConfig(keywords, { priceThreshold: 0.5 }));
    expect(flagListing(strict, iphone(250_000), { medianPriceFen: 520_000 })).toHaveLength(1);
  });

  it('says a free giveaway is 100% below, and a cheap item at most 99%', () => {
    expect(flagListing(rules, iphone(0), { medianPriceFen: 520_000 })[0]?.detail.percentBelow).toBe(100);
    expect(flagListing(rules, iphone(1), { medianPriceFen: 520_000 })[0]?.detail.percentBelow).toBe(99);
  });
});

describe('price groups: a listing is compared with its own kind of goods', () => {
  const groupOf = (category: Parameters<typeof rules.priceGroupOf>[0]['category'], title: string) => rules.priceGroupOf({ category, title });

  it('puts phones, bikes, furniture, pets and flats in their groups, whatever the case or width', () => {
    expect(groupOf('second_hand', 'iPhone 15 Pro 256G 九成新')).toBe('phone');
    expect(groupOf('second_hand', 'ＩＰＨＯＮＥ１３ 自用')).toBe('phone');
    expect(groupOf('second_hand', '华为 Mate 60 Pro 国行')).toBe('phone');
    expect(groupOf('second_hand', 'MacBook Air M2 256G')).toBe('computer');
    expect(groupOf('second_hand', '折叠自行车 九成新')).toBe('bicycle');
    expect(groupOf('second_hand', '雅迪电动车 带锂电')).toBe('ebike');
    expect(groupOf('second_hand', '宜家三人位沙发')).toBe('furniture');
    expect(groupOf('pets', '布偶猫 海双 疫苗齐全')).toBe('cat');
    expect(groupOf('pets', '纯种柯基 公 三个月')).toBe('dog');
    expect(groupOf('housing', '合租 客村地铁口 次卧 拎包入住')).toBe('room');
    expect(groupOf('housing', '天河华景新城 两室一厅出租')).toBe('two_bedroom');
  });

  it("leaves a title that names no known kind, and categories without groups, with the whole category", () => {
    expect(groupOf('second_hand', '搬家清仓 杂物一批')).toBe('');
    expect(groupOf('jobs', '招聘 手机销售 月薪8000')).toBe('');
  });

  it('names the group in the flag, so the console can say "below the median for phones"', () => {
    const bike = listing({ title: '折叠自行车', body: '', priceFen: 3_000 });
    expect(flagListing(rules, bike, { medianPriceFen: 30_000 })[0]?.detail).toMatchObject({ group: 'bicycle', percentBelow: 90 });
  });

  it('refuses a price group with an unknown category or a bad name', () => {
    const broken = (priceGroups: unknown) => () => parseFlagConfig({ ...keywords, priceGroups });
    expect(broken({ groups: { antiques: [] } })).toThrow();
    expect(broken({ groups: { pets: [{ name: 'Big Dogs', label: { 'zh-CN': '大狗', en: 'big dogs' }, phrases: ['狗'] }] } })).toThrow();
  });
});

describe('flagListing', () => {
  it('orders flags by kind, then by where they are in the listing', () => {
    const flags = flagListing(
      rules,
      listing({ title: '出仿真枪 加V：gz_chen88', body: '先付定金，电话13812345678，另有烟花爆竹', priceFen: 10_000 }),
      { medianPriceFen: 100_000 },
    );
    expect(rulesIn(flags)).toEqual(['contact.wechat', 'contact.phone', 'payment.deposit', 'prohibited.weapon', 'prohibited.fireworks', 'price.below_median']);
  });

  it('returns nothing for an honest listing', () => {
    const honest = listing({
      title: '天河 员村 三房两厅 89平方',
      body: '月租4500元，押二付一，2024年3月1日起租。家电齐全，拎包入住，地铁5号线员村站步行8分钟。有意请平台联系。',
      category: 'housing',
      priceFen: 450_000,
      priceUnit: 'month',
    });
    expect(flagListing(rules, honest, { medianPriceFen: 420_000 })).toEqual([]);
  });
});
