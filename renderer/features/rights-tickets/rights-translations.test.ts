import { describe, expect, it } from 'vitest';
import { ExecutionStep, intakeChannels, requesterRelations, RetentionItem } from '../../../shared/platform/rights-entities';
import { letterKinds } from '../../../shared/rights/reply-templates';
import { personalDataSubjects, retentionBases } from '../../../shared/rights/retention-policy';
import { refusalReasons, rightsRequestTypes, ticketStates, verificationMethods } from '../../../shared/rights/ticket-states';
import en from '../../i18n/en.json';
import zhCN from '../../i18n/zh-CN.json';

type Tree = { [key: string]: string | Tree };
const lookup = (tree: Tree, path: string): unknown => path.split('.').reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Tree)[key] : undefined), tree);

/** Every code of the rights domain the interface can show, by the i18n group that translates it. */
const groups: [string, readonly string[]][] = [
  ['rightsTypes', rightsRequestTypes],
  ['ticketStates', ticketStates],
  ['intakeChannels', intakeChannels],
  ['requesterRelations', requesterRelations],
  ['refusalReasons', refusalReasons],
  ['retentionBases', retentionBases],
  ['stepOutcomes', ExecutionStep.shape.outcome.options],
  ['dataSubjects', personalDataSubjects],
  ['verificationMethods', verificationMethods],
  ['rights.execution.execute', rightsRequestTypes],
  ['rights.execution.confirm', rightsRequestTypes],
  ['rights.reply.kinds', letterKinds],
  ['retention.tabs', RetentionItem.shape.state.options],
  ['retention.states', RetentionItem.shape.state.options],
];

describe('rights translations', () => {
  it.each(groups)('translate every %s code in both languages', (group, codes) => {
    for (const [language, catalogue] of [['zh-CN', zhCN], ['en', en]] as const) {
      const missing = codes.filter((code) => typeof lookup(catalogue as Tree, `${group}.${code}`) !== 'string').map((code) => `${language}:${group}.${code}`);
      expect(missing).toEqual([]);
    }
  });

  it('use the words of the brief for what staff see', () => {
    expect(zhCN.rightsTypes).toMatchObject({ access: '查阅复制', correction: '更正', deletion: '删除', cancellation: '注销', explanation: '解释说明', deceased_relative: '近亲属请求' });
    expect(zhCN.stepOutcomes).toMatchObject({ deleted: '已删除', anonymised: '已匿名化', corrected: '已更正', kept: '保留', held: '保全中' });
    expect(zhCN.retentionBases.ecommerce_law_art31).toBe('《电子商务法》第三十一条：交易记录保存不少于三年');
    expect(zhCN.rights.deadline.paused).toBe('等待用户回复，计时暂停');
  });
});
