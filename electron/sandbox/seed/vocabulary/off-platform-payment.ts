import type { Category } from '../../../../shared/platform/entities';

/**
 * Sentences that pull the money off the platform, where buyers lose its protection. Each one
 * names the move outright (定金, 保证金, 转账, 私下交易) because that is what the auto-flag keys on.
 */
export const OFF_PLATFORM_PAYMENT: Record<Category, readonly string[]> = {
  second_hand: [
    '只接受微信转账，转账后当天发货。',
    '支付宝转我就行，不走平台省手续费。',
    '外地的先付定金，我这边顺丰发货。',
    '私下交易价格还能再优惠。',
  ],
  housing: [
    '看房前先付订金200元，不然不带看。',
    '房东在香港，押金转账到我个人账户后寄钥匙。',
    '先付定金锁房，名额有限。',
    '私下交易免平台服务费，支付宝转我即可。',
  ],
  jobs: [
    '入职前先交培训费380元，培训合格后退还。',
    '需先交服装保证金200元。',
    '体检费和保证金先转账，面试通过后统一退。',
    '先交培训费，包分配岗位。',
  ],
  local_services: [
    '上门前先付定金，微信转账即可。',
    '预约需先付订金50元。',
    '私下交易不走平台，价格更便宜。',
  ],
  used_cars: [
    '先付定金5000锁车，外地可以代办过户。',
    '保证金转账后可以安排看车。',
    '私下交易过户，费用更低。',
  ],
  pets: [
    '外地可以发货，先付定金留猫。',
    '先交保证金再视频看狗。',
    '支付宝转我，发顺丰航空箱。',
  ],
};

/** Words the auto-flag and the tests treat as an off-platform payment hit; every sentence above has one. */
export const PAYMENT_KEYWORDS = ['定金', '订金', '保证金', '转账', '私下交易', '支付宝转我', '培训费'] as const;
