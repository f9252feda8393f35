import type { Category, PriceUnit } from '../../../../shared/platform/entities';

/** An ad that is itself for something the platform may not carry (weapons, wildlife, forged papers…). */
export interface ProhibitedOffer {
  title: string;
  sentences: readonly string[];
  yuan: number;
  unit: PriceUnit;
}

/** Only these categories get prohibited items; nobody sells a pangolin as a job or a flat. */
export type ProhibitedCategory = Extract<Category, 'second_hand' | 'pets' | 'local_services'>;

export function isProhibitedCategory(category: Category): category is ProhibitedCategory {
  return category === 'second_hand' || category === 'pets' || category === 'local_services';
}

export const PROHIBITED_OFFERS: Record<ProhibitedCategory, readonly ProhibitedOffer[]> = {
  second_hand: [
    { title: '收藏级仿真枪 全金属 手感好', sentences: ['全金属仿真枪，做工扎实，配两个弹夹。', '懂的来，不懂勿扰。'], yuan: 1800, unit: 'item' },
    { title: '户外开刃直刀 管制刀具 出', sentences: ['大马士革钢，已经开刃，带刀鞘。', '不寄快递，只当面交易。'], yuan: 350, unit: 'item' },
    { title: '多余处方药转让 医院开的 未拆封', sentences: ['家里老人用剩的处方药，没有处方也可以拿。', '有效期到明年，整盒未拆。'], yuan: 200, unit: 'item' },
    { title: '过年剩的烟花爆竹 低价出', sentences: ['大礼花和鞭炮都有，放在仓库里。', '只能自提，不送货。'], yuan: 300, unit: 'item' },
    { title: '银行卡出售 四件套齐全', sentences: ['银行卡出售，卡、U盾、手机卡、身份证复印件一套。', '可以过人脸，量大从优。'], yuan: 600, unit: 'item' },
    { title: '手机卡实名出售 可接码注册', sentences: ['手机卡实名出售，三大运营商都有。', '可以接验证码，注册各种平台。'], yuan: 100, unit: 'item' },
  ],
  pets: [
    { title: '野生穿山甲 活体 稀有', sentences: ['野生穿山甲，山里刚收的，活体。', '懂行的来，只当面交易。'], yuan: 8000, unit: 'item' },
    { title: '野生猫头鹰幼鸟 会吃肉', sentences: ['野生猫头鹰幼鸟，从化山里捡的。', '已经会自己吃肉了。'], yuan: 1500, unit: 'item' },
    { title: '野生画眉 山里刚抓的 叫口好', sentences: ['野生画眉鸟，刚抓回来，叫声响亮。', '带竹笼一起出。'], yuan: 600, unit: 'item' },
  ],
  local_services: [
    { title: '代开发票 各行业 点数低', sentences: ['代开发票，增值税普票专票都可以开。', '点数低，当天出票。'], yuan: 200, unit: 'item' },
    { title: '办证 各类证件 假证包过', sentences: ['毕业证、驾驶证、健康证都可以办，假证做工逼真。', '三天出证，包过验。'], yuan: 500, unit: 'item' },
  ],
};

/** A prohibited item slipped into an otherwise ordinary ad as a side offer. */
export const PROHIBITED_ASIDES: Record<ProhibitedCategory, readonly string[]> = {
  second_hand: ['另外有仿真枪出，需要的私聊。', '还有一批烟花爆竹，可以一起拿。', '顺便出几盒处方药，没有处方也行。', '另收银行卡出售，价格好说。'],
  pets: ['另有野生穿山甲，懂的来。', '还有野生猫头鹰幼鸟，感兴趣问。'],
  local_services: ['另外可以代开发票。', '也可以帮忙办假证，价格私聊。'],
};

/** Words the auto-flag and the tests treat as a prohibited-item hit. */
export const PROHIBITED_KEYWORDS = [
  '仿真枪', '管制刀具', '穿山甲', '处方药', '烟花爆竹', '银行卡出售', '手机卡实名出售', '代开发票', '假证', '猫头鹰', '野生',
] as const;
