import { fenOf, roundYuan, sayFrom, wan, type DraftContext, type Line, type ListingDraft } from '../draft';

/** A model with its typical new price in yuan; used prices follow from age and mileage. */
interface CarModel {
  name: string;
  yuanNew: number;
  trims: readonly string[];
}

const MODELS: readonly CarModel[] = [
  { name: '本田 思域', yuanNew: 130000, trims: ['1.5T 劲擎版', '220TURBO 舒适版'] },
  { name: '丰田 卡罗拉', yuanNew: 120000, trims: ['1.2T 先锋版', '双擎 精英版'] },
  { name: '大众 朗逸', yuanNew: 110000, trims: ['1.5L 舒适版', '280TSI 豪华版'] },
  { name: '日产 轩逸', yuanNew: 110000, trims: ['1.6L 经典版', 'XL 智享版'] },
  { name: '本田 雅阁', yuanNew: 180000, trims: ['260TURBO 精英版', '混动 锐领版'] },
  { name: '丰田 凯美瑞', yuanNew: 190000, trims: ['2.0G 豪华版', '双擎 尊贵版'] },
  { name: '大众 帕萨特', yuanNew: 200000, trims: ['330TSI 精英版', '280TSI 商务版'] },
  { name: '别克 英朗', yuanNew: 100000, trims: ['1.3T 精英型', '15N 进取型'] },
  { name: '比亚迪 秦PLUS DM-i', yuanNew: 110000, trims: ['55KM 领先型', '120KM 旗舰型'] },
  { name: '比亚迪 汉EV', yuanNew: 220000, trims: ['506KM 豪华型', '605KM 尊贵型'] },
  { name: '特斯拉 Model 3', yuanNew: 250000, trims: ['后驱版', '长续航版'] },
  { name: '宝马 3系', yuanNew: 320000, trims: ['325Li M运动套装', '320Li 豪华套装'] },
  { name: '奔驰 C级', yuanNew: 350000, trims: ['C260L 运动版', 'C200L 时尚型'] },
  { name: '奥迪 A4L', yuanNew: 320000, trims: ['40TFSI 时尚型', '45TFSI 臻选动感型'] },
  { name: '长安 CS75 PLUS', yuanNew: 120000, trims: ['1.5T 尊贵型', '2.0T 旗舰型'] },
  { name: '吉利 帝豪', yuanNew: 80000, trims: ['1.5L 豪华型', '1.5L 精英型'] },
  { name: '哈弗 H6', yuanNew: 120000, trims: ['1.5T 冠军版', '2.0T 两驱版'] },
  { name: '马自达 昂克赛拉', yuanNew: 120000, trims: ['2.0L 质雅版', '1.5L 舒适型'] },
  { name: '本田 CR-V', yuanNew: 200000, trims: ['240TURBO 两驱都市版', '锐混动 净速版'] },
  { name: '丰田 汉兰达', yuanNew: 280000, trims: ['2.0T 四驱豪华版', '双擎 尊贵版'] },
  { name: '广汽传祺 GS4', yuanNew: 100000, trims: ['270T 精英版', 'PHEV 豪华版'] },
  { name: '埃安 AION S', yuanNew: 140000, trims: ['炫 580', '魅 580'] },
  { name: '小鹏 P7', yuanNew: 220000, trims: ['586E', '670N+'] },
];

/** Used-car listings on the platform sit between 3万 and 30万 (unless the price is bait). */
const MIN_YUAN = 30000;
const MAX_YUAN = 300000;
export const USED_CAR_PRICE_RANGE_FEN: readonly [number, number] = [fenOf(MIN_YUAN), fenOf(MAX_YUAN)];

const HISTORY: readonly Line[] = [
  '个人一手车，非车商，手续齐全。',
  '4S店定期保养，有完整保养记录。',
  '无事故、无泡水、无火烧，可以第三方检测。',
  '车况好，内饰干净，无烟车。',
  '换车了所以出，诚心要价格可谈。',
  '可以陪同去车管所过户。',
  '轮胎去年刚换，刹车片刚做保养。',
];

const CONDITIONS = ['车况好', '一手', '精品', '准新车', '原版原漆'];

export function draftUsedCar(c: DraftContext): ListingDraft {
  const model = c.rng.pick(MODELS);
  const age = c.rng.int(1, 10);
  const year = c.anchorYear - age;
  const km = Math.max(0.3, Math.round(age * c.rng.between(0.8, 2) * 10) / 10);
  // Roughly 13% a year off the new price, less for low mileage; this is the norm a low price is judged by.
  const norm = clampYuan(model.yuanNew * Math.pow(0.87, age) * (km / age < 1 ? 1.05 : 1));
  const yuan = clampYuan(roundYuan(norm * c.rng.between(0.88, 1.12), 1000));
  const trim = c.rng.pick(model.trims);
  const titles = [
    `${year}年 ${model.name} ${trim} 个人一手`,
    `${model.name} ${year}款 ${km}万公里 ${c.rng.pick(CONDITIONS)}`,
    `自用${model.name}转让 ${year}年上牌`,
    `粤A ${model.name} ${year}年 ${c.rng.pick(CONDITIONS)}`,
  ];
  const sentences = [
    `${year}年${c.rng.int(1, 12)}月上牌，表显${km}万公里，${trim}。`,
    ...sayFrom(HISTORY, c.rng.int(1, 2), c),
    c.rng.chance(0.5) ? `粤A牌，年检到${c.anchorYear + c.rng.int(0, 2)}年。` : `看车地点在${c.place.district.name}${c.place.street}。`,
  ];
  if (c.rng.chance(0.3)) sentences.push(`新车落地${wan(model.yuanNew)}多，现在很划算。`);
  return {
    title: c.rng.pick(titles),
    sentences,
    priceFen: fenOf(yuan),
    priceUnit: 'item',
    normFen: fenOf(roundYuan(norm, 1000)),
  };
}

function clampYuan(yuan: number): number {
  return Math.min(MAX_YUAN, Math.max(MIN_YUAN, yuan));
}
