import { fenOf, roundYuan, say, sayFrom, stepFor, type DraftContext, type Line, type ListingDraft } from '../draft';

type GoodsKind = 'phone' | 'computer' | 'console' | 'camera' | 'drone' | 'ebike' | 'bicycle' | 'furniture' | 'appliance' | 'baby' | 'fitness' | 'hobby';

/** A second-hand good and what it typically fetches used on Guangzhou platforms (yuan). */
interface Goods {
  name: string;
  kind: GoodsKind;
  yuan: number;
}

const GOODS: readonly Goods[] = [
  { name: 'iPhone 15 Pro 256G', kind: 'phone', yuan: 5200 },
  { name: 'iPhone 14 128G', kind: 'phone', yuan: 2900 },
  { name: 'iPhone 13 128G', kind: 'phone', yuan: 2300 },
  { name: 'iPhone 12 64G', kind: 'phone', yuan: 1400 },
  { name: '华为 Mate 60 Pro', kind: 'phone', yuan: 3900 },
  { name: '华为 P40', kind: 'phone', yuan: 1300 },
  { name: '小米14 16+512', kind: 'phone', yuan: 2600 },
  { name: 'OPPO Reno10', kind: 'phone', yuan: 1200 },
  { name: 'vivo X100', kind: 'phone', yuan: 2700 },
  { name: 'iPad Air 5', kind: 'computer', yuan: 2600 },
  { name: 'iPad 第九代', kind: 'computer', yuan: 1500 },
  { name: 'MacBook Air M2', kind: 'computer', yuan: 5200 },
  { name: '联想拯救者 Y7000P', kind: 'computer', yuan: 4300 },
  { name: '华为 MateBook 14', kind: 'computer', yuan: 3000 },
  { name: 'Switch OLED 日版', kind: 'console', yuan: 1500 },
  { name: 'PS5 光驱版', kind: 'console', yuan: 2600 },
  { name: '索尼 A7M3 机身', kind: 'camera', yuan: 6500 },
  { name: '富士 X-T30', kind: 'camera', yuan: 4200 },
  { name: '大疆 Mini 3', kind: 'drone', yuan: 2300 },
  { name: '大疆 Air 2S 畅飞套装', kind: 'drone', yuan: 3600 },
  { name: '雅迪电动车', kind: 'ebike', yuan: 1300 },
  { name: '爱玛电动车', kind: 'ebike', yuan: 1100 },
  { name: '小牛 NQi 电动车', kind: 'ebike', yuan: 2600 },
  { name: '九号电动车 C80', kind: 'ebike', yuan: 2400 },
  { name: '新日电动车 带锂电', kind: 'ebike', yuan: 1200 },
  { name: '捷安特 ATX 山地车', kind: 'bicycle', yuan: 900 },
  { name: '折叠自行车', kind: 'bicycle', yuan: 300 },
  { name: '宜家三人位沙发', kind: 'furniture', yuan: 600 },
  { name: '实木餐桌 配四椅', kind: 'furniture', yuan: 700 },
  { name: '1.8米实木床 带床垫', kind: 'furniture', yuan: 900 },
  { name: '两门衣柜', kind: 'furniture', yuan: 300 },
  { name: '人体工学椅', kind: 'furniture', yuan: 450 },
  { name: '电脑桌 书架一体', kind: 'furniture', yuan: 200 },
  { name: '格力 1.5匹 挂机空调', kind: 'appliance', yuan: 1300 },
  { name: '美的 对开门冰箱', kind: 'appliance', yuan: 1500 },
  { name: '小天鹅 10公斤滚筒洗衣机', kind: 'appliance', yuan: 1100 },
  { name: '小米电视 55寸', kind: 'appliance', yuan: 1200 },
  { name: '戴森 V10 吸尘器', kind: 'appliance', yuan: 1500 },
  { name: '戴森吹风机', kind: 'appliance', yuan: 1700 },
  { name: '九阳破壁机', kind: 'appliance', yuan: 200 },
  { name: '万和燃气热水器', kind: 'appliance', yuan: 500 },
  { name: '好孩子婴儿推车', kind: 'baby', yuan: 350 },
  { name: '实木婴儿床', kind: 'baby', yuan: 300 },
  { name: '儿童安全座椅', kind: 'baby', yuan: 450 },
  { name: '奶瓶消毒器', kind: 'baby', yuan: 120 },
  { name: '儿童学习桌椅', kind: 'baby', yuan: 400 },
  { name: '家用跑步机', kind: 'fitness', yuan: 1100 },
  { name: '可调节哑铃 一对', kind: 'fitness', yuan: 350 },
  { name: '雅马哈 民谣吉他', kind: 'hobby', yuan: 750 },
  { name: 'Kindle Paperwhite', kind: 'hobby', yuan: 380 },
  { name: '考研全套资料', kind: 'hobby', yuan: 80 },
  { name: '乐高 机械组', kind: 'hobby', yuan: 500 },
];

const KIND_LINES: Record<GoodsKind, readonly Line[]> = {
  phone: [
    (c) => `自用${c.rng.int(3, 20)}个月，电池健康${c.rng.int(83, 98)}%。`,
    '屏幕无划痕，边框有轻微使用痕迹。',
    '国行正品，无拆无修，支持当面验机。',
    '配件齐全，原装盒子和发票都在。',
    '换了新机，旧的闲置出掉。',
  ],
  computer: [
    '配置够日常办公和剪视频。',
    '外观九成新，键盘无油光。',
    (c) => `买来${c.rng.int(4, 18)}个月，还在保修期内。`,
    '带原装充电器，送电脑包。',
  ],
  console: ['游戏玩得少，基本吃灰。', '送两个手柄和几张游戏卡。', '功能全部正常，无漂移。'],
  camera: [
    (c) => `快门数不到${c.rng.int(1, 3)}万，保养得好。`,
    '无进灰无霉斑，成色很好。',
    '送相机包和备用电池。',
  ],
  drone: [
    (c) => `飞行时间不到${c.rng.int(5, 40)}小时，无炸机。`,
    '带三块电池和充电管家。',
    '已实名登记，可以当面试飞。',
  ],
  ebike: [
    '新国标，已上牌，可以过户。',
    (c) => `续航大概${c.rng.int(4, 8) * 10}公里，电池去年换的。`,
    '送头盔和充电器，刹车灵敏。',
    '毕业离开广州，便宜出。',
  ],
  bicycle: ['骑得不多，变速正常。', '放在楼下车棚，可以试骑。', '轮胎刚换过。'],
  furniture: [
    '搬家带不走，低价转让。',
    '需自提，可以帮忙搬下楼。',
    (c) => `在${c.place.estate}，${c.rng.int(2, 28)}楼有电梯。`,
    '无破损，平时有铺桌布和套子。',
  ],
  appliance: [
    (c) => `用了${c.rng.int(1, 4)}年，功能一切正常。`,
    '可以上门看实物，通电试用。',
    '需要自己找车拉，可以帮忙拆装。',
    '换了新的所以闲置。',
  ],
  baby: ['宝宝长大用不上了，成色很新。', '已清洗消毒，放心使用。', '无烟家庭，一直放在室内。'],
  fitness: ['买来没怎么用，基本全新。', '太重不方便寄，只限同城自提。', '折叠后不占地方。'],
  hobby: ['闲置在家，希望给它找个好主人。', '保存得很好，没有缺页缺件。', '适合新手入门。'],
};

const CLOSING: readonly Line[] = [
  '可小刀，爽快的优先。',
  (c) => `${c.place.station}地铁站附近可面交。`,
  (c) => `人在${c.place.district.name}${c.place.street}，同城自提。`,
  '非诚勿扰，售出不退不换。',
  '有意站内私信，看到就回。',
  '支持同城面交验货。',
];

const CONDITIONS = ['九成新', '95新', '八成新', '几乎全新', '自用', '闲置'];

const TITLES: readonly ((g: Goods, c: DraftContext) => string)[] = [
  (g, c) => `${c.rng.pick(CONDITIONS)}${g.name} 转让`,
  (g, c) => `${c.place.district.short}${c.rng.pick(CONDITIONS)}${g.name}`,
  (g) => `搬家急出 ${g.name}`,
  (g, c) => `${g.name} ${c.rng.pick(CONDITIONS)} 低价出`,
  (g, c) => `出${c.rng.pick(CONDITIONS)}${g.name}，可小刀`,
  (g) => `自用 ${g.name} 便宜出`,
  (g, c) => `${g.name} ${c.place.station}自提`,
];

export function draftSecondHand(c: DraftContext): ListingDraft {
  const goods = c.rng.pick(GOODS);
  const sentences = sayFrom(KIND_LINES[goods.kind], c.rng.int(1, 2), c);
  sentences.push(say(c.rng.pick(CLOSING), c));
  if (c.rng.chance(0.3)) sentences.push(say(c.rng.pick(CLOSING), c));
  const yuan = roundYuan(goods.yuan * c.rng.between(0.7, 1.3), stepFor(goods.yuan));
  return {
    title: c.rng.pick(TITLES)(goods, c),
    sentences: dedupe(sentences),
    priceFen: fenOf(yuan),
    priceUnit: 'item',
    normFen: fenOf(goods.yuan),
  };
}

/** Two closings may coincide; a seller would not write the same sentence twice. */
function dedupe(sentences: string[]): string[] {
  return sentences.filter((s, i) => sentences.indexOf(s) === i);
}
