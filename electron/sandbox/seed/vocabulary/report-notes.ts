import type { SeedReport } from '../index';

type ReportReason = SeedReport['reason'];

/** What users actually type into the report box: short, first person, sometimes indignant. */
export const REPORT_NOTES: Record<ReportReason, readonly string[]> = {
  fraud: [
    '卖家要求先付定金，疑似诈骗。',
    '让我先转账再发货，怀疑是骗子。',
    '要求私下交易，不走平台。',
    '入职要先交培训费，明显是骗局。',
    '价格低得离谱，还催着付定金。',
    '房东说人在外地，要先打押金才给钥匙。',
  ],
  prohibited_item: [
    '出售违禁物品，请尽快处理。',
    '这是国家保护动物，不能买卖。',
    '卖仿真枪和刀具，太危险了。',
    '公开卖银行卡和手机卡。',
    '疑似违禁品，请核实。',
  ],
  contact_in_text: [
    '标题里留了微信号，绕过平台联系。',
    '正文用特殊符号写了手机号。',
    '描述里有QQ号，一直让加好友。',
    '用大写数字写电话号码。',
    '一直让我加他微信聊。',
  ],
  duplicate: ['同一个人反复发同样的帖子。', '这条和他昨天发的一模一样。', '刷屏，一天发了好几次。', '重复发布，换了个标题而已。'],
  wrong_category: ['发错分类了。', '这是广告，不是本地服务。', '分类不对，应该放在二手物品里。'],
  misleading_price: ['标价和实际说的不一样，到了又加价。', '价格明显不真实，引流用的。', '标价太低，问了说是定金价。'],
  offensive: ['回复消息时骂人。', '描述里有侮辱性语言。', '问价就被骂，态度很差。'],
  other: ['联系不上卖家。', '东西已经卖了还不下架。', '图片和实物不符。', '房子已经租出去了，还挂着。'],
};
