import { fenOf, roundYuan, sayFrom, type DraftContext, type Line, type ListingDraft } from '../draft';

/** A job as advertised locally: monthly pay band in yuan and the kinds of employer that hire. */
interface Position {
  name: string;
  lo: number;
  hi: number;
  employers: readonly string[];
  needs: readonly Line[];
}

const POSITIONS: readonly Position[] = [
  { name: '服务员', lo: 4500, hi: 6000, employers: ['火锅店', '茶餐厅', '酒楼', '奶茶店', '烧烤店'], needs: ['需要有健康证，可以协助办理。', '能适应晚班，周末不休。'] },
  { name: '快递员', lo: 7000, hi: 11000, employers: ['快递网点', '物流公司'], needs: ['自备电动车优先。', '多劳多得，按件计提成。'] },
  { name: '外卖骑手', lo: 7000, hi: 12000, employers: ['外卖站点'], needs: ['站点提供电动车租赁。', '熟悉附近路线优先。'] },
  { name: '普工', lo: 5000, hi: 6800, employers: ['电子厂', '服装厂', '食品厂', '皮具厂'], needs: ['流水线作业，简单易学。', '长白班，加班另计。'] },
  { name: '销售', lo: 4000, hi: 12000, employers: ['房产中介', '汽车4S店', '装修公司', '教育机构'], needs: ['底薪加提成，上不封顶。', '口齿清晰，有销售经验优先。'] },
  { name: '保安', lo: 4500, hi: 5500, employers: ['物业公司', '写字楼'], needs: ['退伍军人优先。', '身高一米七以上。'] },
  { name: '保洁员', lo: 3800, hi: 4800, employers: ['物业公司', '酒店', '写字楼'], needs: ['手脚勤快，吃苦耐劳。', '五十岁以内。'] },
  { name: '厨师', lo: 7000, hi: 10000, employers: ['酒楼', '快餐店', '单位饭堂'], needs: ['会做粤菜，有三年以上经验。', '能独立出品。'] },
  { name: '帮厨', lo: 4500, hi: 5500, employers: ['快餐店', '单位饭堂', '茶餐厅'], needs: ['负责切配和洗碗。', '无经验可以带。'] },
  { name: '仓管', lo: 5000, hi: 6500, employers: ['物流公司', '电商仓库'], needs: ['会用电脑，熟悉出入库流程。', '能开叉车优先。'] },
  { name: '前台', lo: 4200, hi: 5500, employers: ['酒店', '美容院', '培训机构'], needs: ['形象气质佳，普通话标准。', '会简单粤语更好。'] },
  { name: '客服', lo: 4500, hi: 6500, employers: ['电商公司', '科技公司'], needs: ['打字每分钟五十字以上。', '有耐心，沟通能力强。'] },
  { name: '司机', lo: 6500, hi: 9000, employers: ['物流公司', '搬家公司', '商贸公司'], needs: ['持C1驾照，三年以上驾龄。', '熟悉广州路况。'] },
  { name: '理发师', lo: 6000, hi: 12000, employers: ['理发店', '发型工作室'], needs: ['有两年以上剪发经验。', '提成加底薪。'] },
  { name: '收银员', lo: 4200, hi: 5200, employers: ['超市', '便利店'], needs: ['会用收银系统优先。', '早晚班轮换。'] },
  { name: '电工', lo: 6500, hi: 9000, employers: ['物业公司', '装修公司'], needs: ['持低压电工证。', '能处理日常维修。'] },
];

const PERKS = ['包吃包住', '包午餐，有住房补贴', '购买五险', '五险一金', '包住宿，有饭补', '节日有福利'];
const SCHEDULES: readonly Line[] = [
  '做六休一，每天工作八小时。',
  '两班倒，夜班有补贴。',
  '月休四天，法定节假日三倍工资。',
  '朝九晚六，双休。',
];
const GENERAL: readonly Line[] = [
  (c) => `年龄${c.rng.int(18, 22)}到${c.rng.int(40, 50)}岁，男女不限。`,
  '有经验优先，无经验可以培训。',
  '长期稳定，老板好相处。',
  '有意者可以直接到店面试。',
];

const TITLES: readonly ((p: Position, employer: string, lo: number, hi: number, c: DraftContext) => string)[] = [
  (p, e, lo, hi, c) => `${c.place.district.short}${e}招${p.name} 月薪${lo}-${hi}`,
  (p, _e, lo, _hi, c) => `急招${p.name} ${c.rng.pick(['包吃住', '五险', '包午餐'])} ${lo}起`,
  (p, e, _lo, _hi, c) => `${e}诚聘${p.name}${c.rng.int(2, 10)}名`,
  (p, e, _lo, _hi, c) => `${c.place.station}附近${e}招${p.name}`,
  (p, e, lo, hi) => `招聘${p.name}（${e}）${lo}-${hi}元/月`,
];

export function draftJob(c: DraftContext): ListingDraft {
  const position = c.rng.pick(POSITIONS);
  const employer = c.rng.pick(position.employers);
  // Pay in the centre runs a little above the outer districts.
  const scale = c.place.district.rentFactor > 1.2 ? 1.08 : c.place.district.rentFactor < 0.8 ? 0.92 : 1;
  const lo = roundYuan(position.lo * scale * c.rng.between(0.92, 1.1), 100);
  const hi = Math.max(lo + 500, roundYuan(position.hi * scale * c.rng.between(0.92, 1.1), 100));
  const perk = c.rng.pick(PERKS);
  const sentences = [
    `工作地点在${c.place.district.name}${c.place.street}，${c.place.station}地铁站附近。`,
    `月薪${lo}-${hi}元，${perk}，每月${c.rng.int(5, 15)}号发工资。`,
    ...sayFrom(position.needs, 1, c),
    ...sayFrom(c.rng.chance(0.5) ? SCHEDULES : GENERAL, c.rng.int(0, 1), c),
  ];
  return {
    title: c.rng.pick(TITLES)(position, employer, lo, hi, c),
    sentences,
    priceFen: fenOf(lo),
    priceUnit: 'month',
    normFen: fenOf(position.lo),
  };
}
