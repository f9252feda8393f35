import type { RiskSignal } from '../../../../shared/platform/entities';
import { weighted, type Rng } from '../random';

type RiskKind = RiskSignal['kind'];

/** Far-off or scam-hub regions that make a Guangzhou account's login suspicious. */
const REGION_SHIFTS = [
  '登录地由广州变为缅甸掸邦', '登录地由广州变为柬埔寨西哈努克', '登录地由广州变为菲律宾马尼拉',
  '登录地由广州变为老挝万象', '首次在哈尔滨登录', '首次在乌鲁木齐登录', '首次在昆明登录',
  '24小时内先后在广州、南宁、西双版纳登录', '登录地由广州变为越南胡志明市',
];

export const pickRiskKind = weighted<RiskKind>([
  ['new_region', 35], ['failed_login_burst', 30], ['shared_device', 20], ['shared_phone', 15],
]);

/** The sentence a risk engine would attach, with believable counts. */
export function riskDetail(rng: Rng, kind: RiskKind): string {
  switch (kind) {
    case 'new_region':
      return rng.pick(REGION_SHIFTS);
    case 'failed_login_burst':
      return rng.chance(0.7) ? `10分钟内${rng.int(8, 30)}次密码错误` : `1小时内${rng.int(10, 40)}次短信验证码错误`;
    case 'shared_device':
      return `同一设备登录 ${rng.int(3, 9)} 个账号`;
    case 'shared_phone':
      return rng.chance(0.5) ? `同一联系电话关联 ${rng.int(3, 7)} 个账号` : `手机号曾绑定 ${rng.int(2, 5)} 个已封禁账号`;
  }
}

/** Guangdong telecom, mobile and unicom ranges, so addresses look like local broadband and 4G. */
export const GUANGZHOU_IP_PREFIXES = ['113.108', '183.6', '14.215', '59.41', '120.236', '112.96', '219.137', '116.22', '58.248'];
