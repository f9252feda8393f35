import type { Processor } from '../../../shared/platform/legal-entities';
import { DAY_MS, shanghaiDate } from './calendar';

type SeedProcessor = Omit<Processor, 'version'>;

/**
 * The processor register of policy 四.1: the companies that receive users' personal information
 * to run the platform. Agreement and review dates are relative to the anchor, so the register
 * always has one review coming up and one overdue.
 */
export function seedProcessors(anchorMs: number): SeedProcessor[] {
  const day = (offset: number) => shanghaiDate(anchorMs + offset * DAY_MS);
  return [
    {
      id: 'prc_aliyun',
      name: '阿里云计算有限公司',
      kind: 'cloud',
      dataCategories: ['账号信息', '发布信息', '交易记录', '网络日志'],
      purpose: '云服务器、云数据库与对象存储：承载平台数据库、信息图片及其加密备份（华南1 广州地域）',
      agreementDate: day(-912),
      reviewDate: day(183),
      deletionContact: '阿里云工单系统「数据删除」类目，抄送合同约定的数据保护联络人',
    },
    {
      id: 'prc_umeng',
      name: '友盟同欣（北京）科技有限公司',
      kind: 'analytics',
      dataCategories: ['设备信息', '使用行为'],
      purpose: '友盟+ 统计分析与崩溃报告，仅接收去标识化的设备标识和页面访问记录',
      agreementDate: day(-640),
      reviewDate: day(12),
      deletionContact: '友盟+ 隐私专线邮箱（见数据处理协议附件二）',
    },
    {
      id: 'prc_tencent_sms',
      name: '深圳市腾讯计算机系统有限公司',
      kind: 'sms',
      dataCategories: ['手机号码', '短信内容'],
      purpose: '腾讯云短信：发送注册、登录及身份核验验证码，以及工单处理通知',
      agreementDate: day(-455),
      reviewDate: day(-9),
      deletionContact: '腾讯云控制台工单「短信 > 数据删除」',
    },
    {
      id: 'prc_alipay',
      name: '支付宝（中国）网络技术有限公司',
      kind: 'payment',
      dataCategories: ['账号标识', '交易记录', '交易金额'],
      purpose: '担保交易的资金托管、支付与结算；依法保存交易记录',
      agreementDate: day(-1_130),
      reviewDate: day(95),
      deletionContact: '支付宝商家服务平台「个人信息删除」申请入口',
    },
    {
      id: 'prc_huiling_cs',
      name: '广州市慧聆信息服务有限公司',
      kind: 'customer_service',
      dataCategories: ['账号信息', '联系电话', '客服通话录音'],
      purpose: '夜间及节假日客服热线外包，坐席仅可查看脱敏手机号，通话录音保存 180 天',
      agreementDate: day(-300),
      reviewDate: day(65),
      deletionContact: '慧聆客服项目经理（合同第 11 条约定的删除确认函）',
    },
  ];
}
