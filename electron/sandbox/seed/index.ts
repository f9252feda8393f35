// Provisional seed generator (to be replaced by the full vocabulary version).
import type { Category, ListingStatus, PriceUnit, RiskSignal } from '../../../shared/platform/entities';

export interface SeedOptions { seed: number; listings: number; anchor: Date }
export interface SeedUser { id: string; nickname: string; phone: string; status: 'active' | 'warned' | 'suspended' | 'banned'; registeredAt: string; lastLoginAt: string | null; riskSignals: RiskSignal[]; deviceId: string; lastIp: string }
export type PlantedViolation = 'contact_in_text' | 'off_platform_payment' | 'prohibited_item' | 'price_too_low' | 'near_duplicate';
export interface SeedListing { id: string; sellerId: string; category: Category; title: string; body: string; priceFen: number | null; priceUnit: PriceUnit; city: string; district: string; contactPhone: string; imageCount: number; status: ListingStatus; displayUntil: string; createdAt: string; updatedAt: string; planted: PlantedViolation[] }
export interface SeedReport { id: string; listingId: string; reporterId: string; reason: 'fraud' | 'prohibited_item' | 'contact_in_text' | 'duplicate' | 'wrong_category' | 'misleading_price' | 'offensive' | 'other'; note: string; createdAt: string }
export interface SeedWorld { users(): Iterable<SeedUser>; listings(): Iterable<SeedListing>; reports(): Iterable<SeedReport>; userCount: number }

function rng(seed: number, index: number, salt: number) {
  let a = (Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35) ^ Math.imul(salt, 0x27d4eb2f)) >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const pick = <T>(r: () => number, items: readonly T[]): T => items[Math.floor(r() * items.length)]!;
const pad = (n: number, w: number) => String(n).padStart(w, '0');
const districts = ['天河区', '越秀区', '海珠区', '荔湾区', '白云区', '黄埔区', '番禺区', '花都区', '南沙区', '从化区', '增城区'];
const prefixes = ['135', '138', '139', '137', '150', '158', '186', '188', '189', '176', '199'];
const nick = ['小陈二手', '天河李姐', '番禺阿强', '租房的王先生', '晴天', '老黄家政', '海珠阿明', '白云刘姐', '琶洲小周', '花都车行'];
const templates: Record<Category, { title: string[]; body: string[]; price: [number, number]; unit: PriceUnit }> = {
  second_hand: { title: ['九成新电动车转让', '宜家书桌低价出', '婴儿推车闲置转让', 'iPhone 14 128G 自用'], body: ['自用闲置,功能正常,可当面验货。', '搬家急出,先到先得,支持同城自提。'], price: [5000, 400000], unit: 'item' },
  housing: { title: ['岗顶地铁站单间出租', '客村两房一厅整租', '珠江新城合租主卧', '番禺广场一房出租'], body: ['近地铁,拎包入住,押一付一。', '南北通透,家电齐全,可短租。'], price: [120000, 650000], unit: 'month' },
  jobs: { title: ['招聘餐厅服务员', '快递分拣员急招', '电子厂普工包吃住', '门店销售顾问'], body: ['五险一金,月休四天。', '工作地点天河区,需有健康证。'], price: [450000, 900000], unit: 'month' },
  local_services: { title: ['同城搬家 价格实惠', '家电维修上门服务', '专业保洁 开荒清洁', '管道疏通 24小时'], body: ['师傅经验丰富,明码标价。', '全市上门,先看后修。'], price: [8000, 50000], unit: 'hour' },
  used_cars: { title: ['2019年 本田思域 一手车', '2021年 丰田卡罗拉 双擎', '2018年 大众朗逸 准新车'], body: ['无事故无泡水,可上门检测。', '表显里程4万公里,保养记录齐全。'], price: [3000000, 18000000], unit: 'item' },
  pets: { title: ['英短蓝猫 疫苗已打', '柯基犬 三个月', '布偶猫 双血统'], body: ['已驱虫,包健康,可视频看猫。', '家养,性格亲人,寻有缘人。'], price: [80000, 500000], unit: 'item' },
};
const categoryList = Object.keys(templates) as Category[];
const contactEvasions = ['加V: gz_chen88', '薇信 一三八一二三四五六七八', '电话①③⑧②⑤⑥⑦⑧⑨⓪①', '联系：１３９ ２２７８ ３４２０'];
const payments = ['看房前先付定金500元', '需先交保证金', '微信转账后发货'];
const prohibited = ['另有仿真枪出售', '代开发票', '出售银行卡'];

export function seedWorld(options: SeedOptions): SeedWorld {
  const userCount = Math.max(20, Math.ceil(options.listings / 4));
  const anchorMs = options.anchor.getTime();
  const day = 86_400_000;
  const phoneOf = (u: number) => { const r = rng(options.seed, u, 7); return pick(r, prefixes) + pad(Math.floor(r() * 1e8), 8); };
  const user = (i: number): SeedUser => {
    const r = rng(options.seed, i, 1);
    const registered = anchorMs - Math.floor((1 + r() * 1800) * day);
    const risky = r() < 0.08;
    return {
      id: `usr_${pad(i + 1, 7)}`, nickname: pick(r, nick), phone: phoneOf(i),
      status: r() < 0.95 ? 'active' : pick(r, ['warned', 'suspended', 'banned'] as const),
      registeredAt: new Date(registered).toISOString(), lastLoginAt: new Date(anchorMs - Math.floor(r() * 30 * day)).toISOString(),
      riskSignals: risky ? [{ kind: 'new_region', detail: '登录地由广州变为缅甸掸邦', at: new Date(anchorMs - day).toISOString() }] : [],
      deviceId: `dev_${pad(Math.floor(r() * 1e6), 6)}`, lastIp: `113.108.${Math.floor(r() * 255)}.${Math.floor(r() * 255)}`,
    };
  };
  const listing = (i: number): SeedListing => {
    const r = rng(options.seed, i, 2);
    const category = pick(r, categoryList);
    const t = templates[category];
    const seller = Math.floor(r() * userCount);
    const created = anchorMs - Math.floor(r() * 90 * day);
    const displayUntil = new Date(created + 30 * day).toISOString().slice(0, 10);
    const planted: PlantedViolation[] = [];
    let body = `${pick(r, t.body)}${pick(r, t.body)}`;
    let priceFen: number | null = Math.round((t.price[0] + r() * (t.price[1] - t.price[0])) / 100) * 100;
    const roll = r();
    if (roll < 0.05) { planted.push('contact_in_text'); body += pick(r, contactEvasions); }
    else if (roll < 0.09) { planted.push('off_platform_payment'); body += pick(r, payments); }
    else if (roll < 0.12) { planted.push('prohibited_item'); body += pick(r, prohibited); }
    else if (roll < 0.15) { planted.push('price_too_low'); priceFen = Math.round(t.price[0] / 10); }
    const statusRoll = r();
    let status: ListingStatus = statusRoll < 0.3 ? 'pending' : statusRoll < 0.82 ? 'published' : statusRoll < 0.89 ? 'rejected' : statusRoll < 0.93 ? 'removed' : 'published';
    if (status === 'published' && displayUntil < options.anchor.toISOString().slice(0, 10)) status = 'expired';
    return {
      id: `lst_${pad(i + 1, 8)}`, sellerId: `usr_${pad(seller + 1, 7)}`, category, title: pick(r, t.title), body, priceFen,
      priceUnit: t.unit, city: '广州市', district: pick(r, districts), contactPhone: phoneOf(seller), imageCount: Math.floor(r() * 4),
      status, displayUntil, createdAt: new Date(created).toISOString(), updatedAt: new Date(created).toISOString(), planted,
    };
  };
  return {
    userCount,
    *users() { for (let i = 0; i < userCount; i += 1) yield user(i); },
    *listings() { for (let i = 0; i < options.listings; i += 1) yield listing(i); },
    *reports() {
      let n = 0;
      for (let i = 0; i < options.listings; i += 1) {
        const r = rng(options.seed, i, 3);
        if (r() > 0.04) continue;
        const l = listing(i);
        n += 1;
        yield { id: `rpt_${pad(n, 8)}`, listingId: l.id, reporterId: `usr_${pad(((Number(l.sellerId.slice(4)) % userCount) + 1), 7)}`, reason: 'fraud', note: '卖家要求先付定金,疑似诈骗', createdAt: new Date(Date.parse(l.createdAt) + 3600_000).toISOString() };
      }
    },
  };
}
