import type { LegalHold } from '../../../shared/platform/legal-entities';
import { DAY_MS, isoAt, shanghaiYear } from './calendar';

// Seeded holds were never renewed: the column's default (no renewals) stands.
type SeedHold = Omit<LegalHold, 'placedByName' | 'version' | 'renewals'>;

/**
 * Holds legal staff (stf_0006 刘志远, stf_0007 黄婉婷) have placed: a court preservation order on
 * everything, an internal fraud investigation on the listings that expires in a few days, a
 * pending disclosure to the police, and an old preservation order already lifted. `users` are
 * four distinct accounts, the first two with listings past their display period.
 */
export function seedLegalHolds(anchorMs: number, users: readonly string[]): SeedHold[] {
  const at = (days: number, hours = 0) => isoAt(anchorMs + days * DAY_MS + hours * 3_600_000);
  const year = shanghaiYear(anchorMs);
  const holds: SeedHold[] = [
    {
      id: 'hold_0001', userId: users[0]!, source: 'preservation_notice', reference: `（${year}）粤0106执保1234号`,
      reason: '天河区人民法院协助执行通知书：冻结并保全该账号名下全部信息及交易记录，期限一年。', scope: ['all'],
      placedBy: 'stf_0006', placedAt: at(-41, 3), expiresAt: at(324, 3), liftedAt: null, liftedBy: null, liftReason: null,
    },
    {
      id: 'hold_0002', userId: users[1]!, source: 'investigation', reference: `INV-${year}-031`,
      reason: '涉嫌以低价二手手机骗取定金的内部调查，保留其发布信息作为证据。', scope: ['listings'],
      placedBy: 'stf_0007', placedAt: at(-25, 6), expiresAt: at(4, 10), liftedAt: null, liftedBy: null, liftReason: null,
    },
    {
      id: 'hold_0003', userId: users[2]!, source: 'disclosure', reference: `穗公天（刑）调证字〔${year}〕0417号`,
      reason: '天河区公安分局调取证据通知书，待依法提供账号注册信息、登录日志及交易记录。', scope: ['account', 'login_logs', 'transactions'],
      placedBy: 'stf_0006', placedAt: at(-9, 2), expiresAt: null, liftedAt: null, liftedBy: null, liftReason: null,
    },
    {
      id: 'hold_0004', userId: users[3]!, source: 'preservation_notice', reference: `（${year}）粤0104执保0871号`,
      reason: '越秀区人民法院财产保全，保全其发布的房屋出租信息。', scope: ['listings'],
      placedBy: 'stf_0007', placedAt: at(-120, 5), expiresAt: at(245, 5),
      liftedAt: at(-10, 7), liftedBy: 'stf_0007', liftReason: '法院已出具解除保全裁定书，双方和解。',
    },
  ];
  return holds;
}
