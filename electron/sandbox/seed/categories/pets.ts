import { fenOf, roundYuan, sayFrom, stepFor, type DraftContext, type Line, type ListingDraft } from '../draft';

type Species = 'cat' | 'dog' | 'bird' | 'small';

/** Breeds rehomed or sold in Guangzhou, with a typical asking price in yuan. */
interface Breed {
  name: string;
  species: Species;
  yuan: number;
}

const BREEDS: readonly Breed[] = [
  { name: '英短蓝猫', species: 'cat', yuan: 1800 },
  { name: '英短蓝白', species: 'cat', yuan: 2300 },
  { name: '布偶猫', species: 'cat', yuan: 4500 },
  { name: '美短虎斑', species: 'cat', yuan: 2000 },
  { name: '加菲猫', species: 'cat', yuan: 2500 },
  { name: '暹罗猫', species: 'cat', yuan: 1500 },
  { name: '金渐层', species: 'cat', yuan: 3500 },
  { name: '柯基', species: 'dog', yuan: 2800 },
  { name: '金毛', species: 'dog', yuan: 2000 },
  { name: '泰迪', species: 'dog', yuan: 1300 },
  { name: '比熊', species: 'dog', yuan: 1600 },
  { name: '柴犬', species: 'dog', yuan: 3800 },
  { name: '边牧', species: 'dog', yuan: 3000 },
  { name: '拉布拉多', species: 'dog', yuan: 1800 },
  { name: '博美', species: 'dog', yuan: 1800 },
  { name: '法斗', species: 'dog', yuan: 3200 },
  { name: '玄凤鹦鹉', species: 'bird', yuan: 300 },
  { name: '虎皮鹦鹉一对', species: 'bird', yuan: 80 },
  { name: '龙猫', species: 'small', yuan: 700 },
  { name: '荷兰猪', species: 'small', yuan: 150 },
];

const HEALTH: readonly Line[] = [
  (c) => `已打${c.rng.int(1, 3)}针疫苗，体内外驱虫都做了。`,
  '疫苗本齐全，有接种记录可以看。',
  '包纯种，包健康七天。',
  '刚做过体检，没有猫癣耳螨。',
];
const TEMPER: Record<Species, readonly Line[]> = {
  cat: ['性格亲人，不咬人不挠人。', '会用猫砂，吃的是进口猫粮。', '家里繁育，父母都在，可以上门看。'],
  dog: ['性格活泼，已经会定点上厕所。', '家养的，父母都在，可以上门看。', '会坐下握手，很聪明。'],
  bird: ['已经会上手，很活泼。', '笼子和饲料一起送。'],
  small: ['很温顺，适合小朋友养。', '连笼子和用品一起送。'],
};
const REASONS: readonly Line[] = [
  '工作调动没时间照顾，给它找个新家。',
  '签领养协议，希望善待。',
  '可以视频看实物。',
  (c) => `在${c.place.district.name}${c.place.street}，同城优先。`,
];

const GENDERS = ['弟弟', '妹妹', '公', '母'];

export function draftPet(c: DraftContext): ListingDraft {
  const breed = c.rng.pick(BREEDS);
  const age = breed.species === 'bird' || breed.species === 'small' ? `${c.rng.int(2, 10)}个月` : c.rng.pick(['两个月', '三个月', '四个月', '半岁', '八个月', '一岁']);
  const gender = c.rng.pick(GENDERS);
  const furry = breed.species === 'cat' || breed.species === 'dog';
  const titles = [
    furry ? `${age}${breed.name}${gender} 疫苗齐全` : `${age}${breed.name} 很亲人`,
    `家养${breed.name}${gender}出售，${age}`,
    `${c.place.district.short}${breed.name}找新家 ${age}`,
    `纯种${breed.name} ${age} 可上门看`,
    furry ? `${breed.name}${gender} 亲人 已驱虫` : `${breed.name}${gender} 连笼子一起出`,
  ];
  const sentences = [
    ...(furry ? sayFrom(HEALTH, 1, c) : []),
    ...sayFrom(TEMPER[breed.species], c.rng.int(1, 2), c),
    ...sayFrom(REASONS, 1, c),
  ];
  return {
    title: c.rng.pick(titles),
    sentences,
    priceFen: fenOf(roundYuan(breed.yuan * c.rng.between(0.75, 1.3), stepFor(breed.yuan))),
    priceUnit: 'item',
    normFen: fenOf(breed.yuan),
  };
}
