import { weighted, type Rng } from '../random';
import { composeWechatId } from './names';

/**
 * How sellers smuggle a phone number or chat id past a keyword filter. The moderation
 * auto-flags exist to catch exactly these, so each form is spelled the way it is seen in the wild.
 */
export type ContactForm =
  | 'plain' | 'split' | 'full_width' | 'circled' | 'chinese' | 'chinese_formal' | 'mixed' | 'wechat' | 'qq';

const FULL_WIDTH = '０１２３４５６７８９';
const CIRCLED = '⓪①②③④⑤⑥⑦⑧⑨';
const CHINESE = '零一二三四五六七八九';
const CHINESE_FORMAL = '零壹贰叁肆伍陆柒捌玖';

export const pickContactForm = weighted<ContactForm>([
  ['plain', 6], ['split', 14], ['full_width', 13], ['circled', 11], ['chinese', 11],
  ['chinese_formal', 7], ['mixed', 6], ['wechat', 22], ['qq', 10],
]);

function mapDigits(digits: string, table: string): string {
  let out = '';
  for (let i = 0; i < digits.length; i++) out += table.charAt(digits.charCodeAt(i) - 48);
  return out;
}

/** Spoken-style Chinese digits: 1 is often 幺 and 0 often 〇 when people read numbers aloud. */
function chineseDigits(rng: Rng, digits: string): string {
  const yao = rng.chance(0.3);
  const ling = rng.chance(0.3);
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    const ch = digits.charAt(i);
    out += ch === '1' && yao ? '幺' : ch === '0' && ling ? '〇' : CHINESE.charAt(Number(ch));
  }
  return out;
}

const SEPARATORS = [' ', '-', '.', '*', '/', '、', ' - ', '_'];

/** 138 1234 5678, 138-1234-5678, or every digit apart: 1.3.8.1.2… */
function splitDigits(rng: Rng, digits: string): string {
  const sep = rng.pick(SEPARATORS);
  if (rng.chance(0.6)) return `${digits.slice(0, 3)}${sep}${digits.slice(3, 7)}${sep}${digits.slice(7)}`;
  return digits.split('').join(sep);
}

/** Each digit in a different disguise, the hardest case for a naive filter. */
function mixedDigits(rng: Rng, digits: string): string {
  const tables = [FULL_WIDTH, CIRCLED, CHINESE, '0123456789'];
  let out = '';
  for (let i = 0; i < digits.length; i++) out += mapDigits(digits.charAt(i), rng.pick(tables));
  return out;
}

export function spellPhone(rng: Rng, phone: string, form: ContactForm): string {
  switch (form) {
    case 'split': return splitDigits(rng, phone);
    case 'full_width': return mapDigits(phone, FULL_WIDTH);
    case 'circled': return mapDigits(phone, CIRCLED);
    case 'chinese': return chineseDigits(rng, phone);
    case 'chinese_formal': return mapDigits(phone, CHINESE_FORMAL);
    case 'mixed': return mixedDigits(rng, phone);
    default: return phone;
  }
}

const WECHAT_MARKERS = ['加V', '加v', '加薇', '威信', '微 信', 'vx', 'VX', 'V信', '＋V', '薇信', 'wx'];
/** Markers ending in a Latin letter, which would run into a Latin id without a gap. */
const LATIN_ENDED_MARKERS = new Set(['加V', '加v', 'vx', 'VX', '＋V', 'wx']);
const QQ_MARKERS = ['QQ', 'qq', 'QQ号', '扣扣', 'Q号', '企鹅号'];
const PHONE_LABELS = ['电话：', '电话 ', '手机：', 'Tel ', '电', '联系电话：'];

/**
 * The contact as it appears in the ad. `bare` is the number alone (for "请联系…"); `labelled`
 * carries the marker a reader needs when it stands on its own, e.g. in a title.
 */
export interface SpelledContact {
  form: ContactForm;
  bare: string;
  labelled: string;
}

export function spellContact(rng: Rng, phone: string, form: ContactForm): SpelledContact {
  if (form === 'wechat') {
    const marker = rng.pick(WECHAT_MARKERS);
    // "vx gz_chen88", not "vxgz_chen88"; after a hanzi marker the id may follow directly.
    const gap = LATIN_ENDED_MARKERS.has(marker) ? rng.pick(['：', ':', ' ']) : rng.pick(['：', ':', ' ', '']);
    const text = `${marker}${gap}${composeWechatId(rng)}`;
    return { form, bare: text, labelled: text };
  }
  if (form === 'qq') {
    const number = `${rng.int(1, 9)}${rng.digits(rng.int(7, 9))}`;
    const spelled = rng.chance(0.3) ? mapDigits(number, FULL_WIDTH) : rng.chance(0.3) ? splitDigits(rng, number) : number;
    const text = `${rng.pick(QQ_MARKERS)}${rng.pick(['：', ' ', ''])}${spelled}`;
    return { form, bare: text, labelled: text };
  }
  const bare = spellPhone(rng, phone, form);
  return { form, bare, labelled: `${rng.pick(PHONE_LABELS)}${bare}` };
}

const PHONE_SENTENCES: readonly ((x: SpelledContact) => string)[] = [
  (x) => `有意者请联系${x.bare}。`,
  (x) => `${x.labelled}，微信同号。`,
  (x) => `看货直接打${x.bare}。`,
  (x) => `联系方式：${x.bare}，非诚勿扰。`,
  (x) => `平台消息回复慢，${x.labelled}。`,
];
const CHAT_SENTENCES: readonly ((x: SpelledContact) => string)[] = [
  (x) => `有意${x.bare}，备注来意。`,
  (x) => `平台消息不常看，${x.bare}详聊。`,
  (x) => `更多照片${x.bare}。`,
  (x) => `${x.bare}，看到秒回。`,
];

export function contactSentence(rng: Rng, contact: SpelledContact): string {
  const shapes = contact.form === 'wechat' || contact.form === 'qq' ? CHAT_SENTENCES : PHONE_SENTENCES;
  return rng.pick(shapes)(contact);
}
