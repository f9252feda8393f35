import { fenOf, roundYuan, sayFrom, type DraftContext, type Line, type ListingDraft } from '../draft';

/** A kind of rental with its Baiyun-baseline monthly rent (yuan); districts scale it. */
interface Layout {
  label: string;
  mode: '整租' | '合租' | '公寓';
  yuan: number;
  area: readonly [number, number];
}

const LAYOUTS: readonly Layout[] = [
  { label: '一室一厅', mode: '整租', yuan: 3000, area: [35, 55] },
  { label: '两室一厅', mode: '整租', yuan: 4400, area: [58, 85] },
  { label: '三室两厅', mode: '整租', yuan: 6200, area: [88, 130] },
  { label: '单身公寓', mode: '公寓', yuan: 2100, area: [20, 35] },
  { label: '主卧带独卫', mode: '合租', yuan: 1800, area: [14, 22] },
  { label: '次卧', mode: '合租', yuan: 1300, area: [9, 14] },
  { label: '单间', mode: '合租', yuan: 1000, area: [10, 16] },
];

const FACILITIES: readonly Line[] = [
  '家电齐全，拎包入住。',
  '空调、洗衣机、热水器都有。',
  '房子刚翻新，采光很好。',
  '南北通透，不西晒。',
  '带阳台，可以晒衣服。',
  '小区安静，楼下就是菜市场。',
];

const TERMS: readonly Line[] = [
  '押一付三，可签一年。',
  '押二付一，最少签半年。',
  '水电民用，网费另算。',
  '个人房东，免中介费。',
  '随时可以看房，提前约时间。',
  '不养宠物，限一到两人入住。',
];

const SHARED: readonly Line[] = [
  '同住的都是上班族，作息规律。',
  '共用厨房和客厅，房间有独立空调。',
  '限女生，安静爱干净。',
];

const RENT_TITLES: readonly ((l: Layout, c: DraftContext) => string)[] = [
  (l, c) => `${l.mode} ${c.place.station}地铁口 ${l.label} 拎包入住`,
  (l, c) => `${c.place.district.short}${c.place.estate} ${l.label}出租`,
  (l, c) => `${l.mode}|${c.place.estate}|${l.label}|近${c.place.station}`,
  (l, c) => `个人房东 ${c.place.station} ${l.label} 免中介费`,
  (l, c) => `急租 ${c.place.estate} ${l.label} 采光好`,
  (l, c) => `${c.place.station}站附近${l.mode}${l.label}，随时看房`,
];

export function draftHousing(c: DraftContext): ListingDraft {
  // Most housing ads are rentals; resales are a minority but carry the platform's largest prices.
  return c.rng.chance(0.08) ? draftResale(c) : draftRental(c);
}

function draftRental(c: DraftContext): ListingDraft {
  const layout = c.rng.pick(LAYOUTS);
  const area = c.rng.int(layout.area[0], layout.area[1]);
  const floor = c.rng.int(2, 32);
  const lift = floor > 7 || c.rng.chance(0.4) ? '有电梯' : '步梯';
  const sentences = [
    `${c.place.estate}，${layout.label}，约${area}㎡，${floor}楼${lift}。`,
    `步行到${c.place.station}地铁站大概${c.rng.int(3, 15)}分钟。`,
  ];
  sentences.push(...sayFrom(FACILITIES, 1, c), ...sayFrom(layout.mode === '合租' ? SHARED : TERMS, c.rng.int(0, 1), c));
  if (c.rng.chance(0.4)) sentences.push(...sayFrom(TERMS, 1, c).filter((s) => !sentences.includes(s)));
  const norm = layout.yuan * c.place.district.rentFactor;
  return {
    title: c.rng.pick(RENT_TITLES)(layout, c),
    sentences,
    priceFen: fenOf(roundYuan(norm * c.rng.between(0.8, 1.25), 100)),
    priceUnit: 'month',
    normFen: fenOf(roundYuan(norm, 100)),
  };
}

const RESALE_ROOMS = ['两房', '三房', '四房'];

function draftResale(c: DraftContext): ListingDraft {
  const rooms = c.rng.pick(RESALE_ROOMS);
  const area = c.rng.int(rooms === '两房' ? 60 : 85, rooms === '四房' ? 160 : 120);
  const norm = c.place.district.salePerSqm * area;
  const yuan = roundYuan(norm * c.rng.between(0.85, 1.15), 10000);
  return {
    // The price stays out of the title: a planted low price replaces priceFen and must not contradict it.
    title: `业主自售 ${c.place.estate} ${rooms} ${area}㎡ ${c.rng.pick(['近地铁', '南向', '带车位', '学位房'])}`,
    sentences: [
      `${c.place.estate}${rooms}，建面${area}㎡，${c.rng.pick(['满五唯一', '满二', '红本在手'])}。`,
      `近${c.place.station}地铁站，周边学校、商场配套成熟。`,
      c.rng.pick(['业主诚心出售，价格可谈。', '装修保养得好，可直接入住。', '看房提前预约，钥匙在手。']),
    ],
    priceFen: fenOf(yuan),
    priceUnit: 'item',
    normFen: fenOf(roundYuan(norm, 10000)),
  };
}
