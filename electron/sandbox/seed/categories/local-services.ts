import type { PriceUnit } from '../../../../shared/platform/entities';
import { fenOf, roundYuan, sayFrom, stepFor, type DraftContext, type Line, type ListingDraft } from '../draft';

/** A trade offered door to door, priced the way that trade quotes (per job, hour, day, month). */
interface Service {
  name: string;
  unit: PriceUnit;
  yuan: number;
  headlines: readonly string[];
  lines: readonly Line[];
}

const SERVICES: readonly Service[] = [
  { name: '搬家', unit: 'item', yuan: 350, headlines: ['居民搬家 公司搬迁 价格透明', '小型搬家 拉货 面包车货车都有'], lines: ['师傅有十年经验，家具拆装包好。', '按车型收费，没电梯的楼层另算。', '全市可以上门，提前一天预约。'] },
  { name: '家电维修', unit: 'item', yuan: 80, headlines: ['空调冰箱洗衣机热水器上门维修', '家电维修 当天上门'], lines: [(c) => `上门检测费${c.rng.int(3, 8) * 10}元，修好再收费。`, '配件明码标价，保修三个月。'] },
  { name: '空调清洗', unit: 'item', yuan: 90, headlines: ['空调清洗 加氟 移机', '挂机柜机深度清洗'], lines: ['高温蒸汽清洗，去除异味。', '拆洗滤网和蒸发器，不弄脏家里。'] },
  { name: '保洁', unit: 'hour', yuan: 45, headlines: ['日常保洁 开荒保洁 擦玻璃', '家庭保洁 钟点服务'], lines: ['按小时收费，三小时起。', '自带清洁工具和清洁剂。', '阿姨做事细致，多年老客户。'] },
  { name: '钟点工', unit: 'hour', yuan: 38, headlines: ['钟点工 做饭 打扫卫生', '住家保姆 钟点阿姨'], lines: ['可以长期固定时间上门。', '会做广东家常菜。'] },
  { name: '开锁', unit: 'item', yuan: 100, headlines: ['开锁换锁 汽车开锁 24小时上门', '专业开锁 换指纹锁'], lines: ['需出示身份证明，已在派出所备案。', '夜间另加上门费。', '半小时内到达。'] },
  { name: '管道疏通', unit: 'item', yuan: 150, headlines: ['马桶疏通 下水道疏通 化粪池清理', '管道疏通 不通不收费'], lines: ['不通不收费。', '专业设备，不砸墙不破坏。'] },
  { name: '水电安装', unit: 'item', yuan: 120, headlines: ['水电安装维修 灯具安装', '水管漏水 电路维修'], lines: ['持证电工，安全规范。', '小活也接，价格公道。'] },
  { name: '家教', unit: 'hour', yuan: 150, headlines: ['小学初中数学英语家教 上门辅导', '高中物理化学一对一'], lines: ['在读研究生，有耐心。', '师范毕业，带过毕业班。', '可以先试课。'] },
  { name: '月嫂', unit: 'month', yuan: 12000, headlines: ['金牌月嫂 育婴师 住家', '产后护理 月嫂服务'], lines: ['持证上岗，有体检报告。', '带过几十个宝宝，有好评。'] },
  { name: '电脑维修', unit: 'item', yuan: 60, headlines: ['电脑维修 重装系统 数据恢复', '笔记本清灰换硅脂'], lines: ['可以上门，也可以送修。', '先检测报价，同意再修。'] },
  { name: '墙面翻新', unit: 'day', yuan: 450, headlines: ['刷墙 墙面翻新 防水补漏', '旧房翻新 瓷砖修补'], lines: ['按天计工，材料另算。', '做完清理干净。'] },
  { name: '甲醛检测', unit: 'item', yuan: 300, headlines: ['甲醛检测 除甲醛 新房治理', '室内空气检测'], lines: ['出具检测报告。', '治理后免费复检。'] },
];

const COVERAGE: readonly Line[] = [
  (c) => `${c.place.district.name}及周边区域都可以上门。`,
  (c) => `店面在${c.place.street}，${c.place.station}地铁站附近。`,
  '价格透明，不乱收费。',
  '节假日照常服务。',
];

const TITLES: readonly ((s: Service, headline: string, c: DraftContext) => string)[] = [
  (_s, h, c) => `${c.place.district.short}${h}`,
  (_s, h, c) => `${h} ${c.place.district.short}及周边`,
  (_s, h, c) => `${c.rng.pick(['陈', '李', '黄', '梁', '张'])}师傅 ${h}`,
  (_s, h) => h,
];

export function draftLocalService(c: DraftContext): ListingDraft {
  const service = c.rng.pick(SERVICES);
  const headline = c.rng.pick(service.headlines);
  const sentences = [...sayFrom(service.lines, c.rng.int(1, 2), c), ...sayFrom(COVERAGE, c.rng.int(1, 2), c)];
  // Many trades quote only after seeing the job (面议), which the platform stores as a null price.
  const quoted = c.rng.chance(0.75);
  return {
    title: c.rng.pick(TITLES)(service, headline, c),
    sentences: quoted ? sentences : [...sentences, '价格面议，看现场情况。'],
    priceFen: quoted ? fenOf(roundYuan(service.yuan * c.rng.between(0.8, 1.3), stepFor(service.yuan))) : null,
    priceUnit: service.unit,
    normFen: fenOf(service.yuan),
  };
}
