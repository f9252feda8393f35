import { weighted } from '../random';
import type { Rng } from '../random';

/** Surnames as common in Guangzhou (陈, 李, 黄 lead), with pinyin for WeChat-style ids. */
const SURNAMES: readonly (readonly [string, string, number])[] = [
  ['陈', 'chen', 14], ['李', 'li', 9], ['黄', 'huang', 9], ['张', 'zhang', 6], ['梁', 'liang', 6],
  ['林', 'lin', 5], ['刘', 'liu', 5], ['吴', 'wu', 4], ['何', 'he', 4], ['罗', 'luo', 4],
  ['郑', 'zheng', 3], ['王', 'wang', 4], ['周', 'zhou', 3], ['杨', 'yang', 3], ['谢', 'xie', 3],
  ['邓', 'deng', 3], ['冯', 'feng', 2], ['曾', 'zeng', 2], ['麦', 'mai', 2], ['叶', 'ye', 2],
  ['苏', 'su', 2], ['卢', 'lu', 2], ['钟', 'zhong', 2], ['潘', 'pan', 2], ['赖', 'lai', 1], ['彭', 'peng', 1],
];

export interface Surname {
  hanzi: string;
  pinyin: string;
}

export const pickSurname = weighted(SURNAMES.map(([hanzi, pinyin, w]) => [{ hanzi, pinyin }, w] as const));

const DISTRICT_SHORTS = ['天河', '越秀', '海珠', '荔湾', '白云', '黄埔', '番禺', '花都', '南沙', '增城', '琶洲', '客村', '石牌', '市桥', '江南西'];
const GIVEN = ['强', '明', '杰', '华', '辉', '伟', '斌', '荣', '雄', '珍', '芳', '玲', '敏', '丽', '军', '坤'];
const TRADES = ['搬家', '维修', '开锁', '保洁', '家电', '水电'];
const MOODS = [
  '晴天', '阿木', '向日葵', '清风徐来', '随遇而安', '小确幸', '猫咪的家', '一只柠檬', '南方的风',
  '珠江边的人', '木子', '夏天的风', '北极星', '橙子', '大白', '静待花开', '早睡早起', '慢慢来', '老街坊',
  '岭南人家', '半糖主义', '旧时光', '阿飞', '知足常乐',
];
const LATIN = ['Kevin', 'Amy', 'Jason', 'Coco', 'Tony', 'Vicky', 'Leo', 'Sunny', 'Jack', 'Cherry'];

type NicknameShape = (rng: Rng, surname: Surname) => string;

/** Shapes seen on real platforms: trade names, place + kinship terms, moods, Cantonese 生/太. */
const pickShape = weighted<NicknameShape>([
  [(r, s) => `小${s.hanzi}${r.pick(['二手', '闲置', '好物'])}`, 8],
  [(r, s) => `${r.pick(DISTRICT_SHORTS)}${s.hanzi}${r.pick(['姐', '哥', '叔', '姨'])}`, 10],
  [(r) => `${r.pick(DISTRICT_SHORTS)}阿${r.pick(GIVEN)}`, 10],
  [(r, s) => `租房的${s.hanzi}${r.pick(['先生', '小姐'])}`, 3],
  [(r, s) => `${s.hanzi}${r.pick(['先生', '小姐', '生', '太'])}`, 10],
  [(r, s) => `${s.hanzi}师傅${r.pick(TRADES)}`, 4],
  [(r) => r.pick(MOODS), 14],
  [(r) => `${r.pick(MOODS)}${r.int(1975, 2005)}`, 7],
  [(r) => `${r.pick(MOODS)}_${r.pick(['gz', 'GZ', 'canton'])}`, 3],
  [(r, s) => `${r.pick(LATIN)}${s.hanzi}`, 6],
  [(r) => `${r.pick(DISTRICT_SHORTS)}宝妈${r.pick(['', '小', '阿'])}${r.pick(GIVEN)}`, 4],
  [(r, s) => `${s.hanzi}记${r.pick(['车行', '二手车', '家政', '宠物'])}`, 3],
  [(r, s) => `阿${s.hanzi}${r.int(10, 99)}`, 4],
  [(r) => `用户${r.pick(['a', 'b', 'k', 'x', 'z'])}${r.int(1000, 99999)}`, 6],
]);

export function composeNickname(rng: Rng): string {
  return pickShape(rng)(rng, pickSurname(rng));
}

/** WeChat ids that sellers paste into ads to move buyers off the platform. */
export function composeWechatId(rng: Rng): string {
  const s = pickSurname(rng);
  const head = rng.pick(['gz_', 'gz', 'a', 'xiao', '', 'tianhe_', 'hz_', '']);
  const tail = rng.pick([String(rng.int(10, 99)), `_${rng.int(100, 999)}`, String(rng.int(1980, 2006)), '888', '666', '_gz']);
  // The surname's pinyin sits before any digits, so the id starts with a letter as WeChat requires.
  return `${head}${s.pinyin}${tail}`;
}
