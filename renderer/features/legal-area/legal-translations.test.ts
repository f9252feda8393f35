import { describe, expect, it } from 'vitest';
import { LegalReminder, ProductionInput } from '../../../shared/ipc/legal-views';
import { authorityTypes, disclosureCategories, disclosureOutcomes, disclosureStatuses, instrumentTypes, requestChannels } from '../../../shared/legal/disclosure-rules';
import { holdScopes, holdSources, processorKinds } from '../../../shared/platform/legal-entities';
import en from '../../i18n/en.json';
import zhCN from '../../i18n/zh-CN.json';

type Tree = { [key: string]: string | Tree };
const lookup = (tree: Tree, path: string): unknown => path.split('.').reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Tree)[key] : undefined), tree);

/** Every code of the legal domain the interface can show, by the i18n group that translates it. */
const groups: [string, readonly string[]][] = [
  ['legal.authorityTypes', authorityTypes],
  ['legal.instrumentTypes', instrumentTypes],
  ['legal.channels', requestChannels],
  ['legal.categories', disclosureCategories],
  ['legal.statuses', disclosureStatuses],
  ['legal.outcomes', disclosureOutcomes],
  ['legal.holdSources', holdSources],
  ['legal.holdScopes', holdScopes],
  ['legal.processorKinds', processorKinds],
  ['legal.deliveryMethods', ProductionInput.shape.deliveryMethod.options],
  ['legal.reminders.kinds', LegalReminder.shape.kind.options],
];

describe('legal translations', () => {
  it.each(groups)('translate every %s code in both languages', (group, codes) => {
    for (const [language, catalogue] of [['zh-CN', zhCN], ['en', en]] as const) {
      const missing = codes.filter((code) => typeof lookup(catalogue as Tree, `${group}.${code}`) !== 'string').map((code) => `${language}:${group}.${code}`);
      expect(missing).toEqual([]);
    }
  });

  it('use the words counsel and the police use', () => {
    expect(zhCN.legal.authorityTypes).toMatchObject({ public_security: '公安机关', procuratorate: '检察院', court: '法院', state_security: '国家安全机关', market_regulation: '市场监管', cyberspace: '网信', other: '其他' });
    expect(zhCN.legal.instrumentTypes).toMatchObject({ evidence_collection_notice: '调取证据通知书', assistance_inquiry_notice: '协助查询通知书', assistance_freeze_notice: '协助冻结通知书', court_order: '法院裁定/决定' });
    expect(zhCN.legal.categories).toMatchObject({ account_profile: '账号资料', registration_phone: '注册手机号', listings: '发布的信息', listing_images: '信息图片', messages: '站内消息', login_logs: '登录日志', transactions: '交易记录', device_info: '设备信息' });
    expect(zhCN.legal.outcomes).toMatchObject({ disclosed_full: '全部提供', disclosed_part: '部分提供', none_found: '未查到', refused: '拒绝' });
    expect(zhCN.disclosures.flags).toEqual({ emergency: '紧急', noNotify: '不得通知', foreign: '境外', overDisclosure: '超范围' });
    expect(zhCN.legal.nav).toMatchObject({ register: '披露登记', new: '新建登记', holds: '法律保全', processors: '受托处理者', transparency: '透明度报告' });
  });
});
