import { useTranslation } from 'react-i18next';
import { useShanghaiTime } from '../../i18n/shanghai-time';

/** Fields of the entry whose values are codes, by the i18n group that names them. */
const codeGroups: Record<string, string> = {
  channel: 'legal.channels',
  authorityType: 'legal.authorityTypes',
  instrumentType: 'legal.instrumentTypes',
  categories: 'legal.categories',
};

/** Paths the register uses, by the label that names them; anything else is shown as its path. */
const pathLabels = new Set([
  'receivedAt', 'channel', 'authorityType', 'authorityName', 'domestic', 'foreignApproval', 'officers', 'identityCheck', 'instrumentType', 'documentNumber',
  'approvingOfficial', 'caseCause', 'statute', 'emergency', 'noNotify', 'noNotifyUntil', 'scopeRequested',
]);
const scopeParts: Record<string, string> = { userIds: 'accounts', categories: 'categories', from: 'dates', to: 'dates' };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/;

/**
 * How an amendment's paths and before/after values read: codes in words, instants in Guangzhou
 * time, scopes and officers spelt out. A value of a shape not known here is shown as JSON, so
 * nothing recorded is ever hidden.
 */
export function useAmendmentWords(): { label(path: string): string; value(path: string, value: unknown): string } {
  const { t } = useTranslation();
  const formatTime = useShanghaiTime();
  const separator = t('legal.listSeparator');

  const label = (path: string) => {
    const [head, part] = path.replace(/^request\./, '').split('.');
    if (head === 'scopeRequested' && part && scopeParts[part]) return `${t('disclosures.facts.scopeRequested')} · ${t(`disclosures.facts.${scopeParts[part]}`)}`;
    return head && pathLabels.has(head) && !part ? t(`disclosures.facts.${head}`) : path;
  };

  const value = (path: string, raw: unknown): string => {
    const key = path.split('.').pop() ?? '';
    if (raw === null || raw === undefined || raw === '') return t('disclosures.amendments.empty');
    if (typeof raw === 'boolean') return t(raw ? 'legal.yes' : 'legal.no');
    if (typeof raw === 'string') {
      if (codeGroups[key]) return t(`${codeGroups[key]}.${raw}`, { defaultValue: raw });
      return INSTANT.test(raw) ? formatTime(raw) : raw;
    }
    if (Array.isArray(raw)) return raw.map((item) => value(path, item)).join(separator);
    if (isRecord(raw) && Array.isArray(raw.userIds) && Array.isArray(raw.categories)) {
      return t('disclosures.amendments.scopeValue', {
        accounts: raw.userIds.join(separator),
        categories: value('categories', raw.categories),
        from: String(raw.from),
        to: String(raw.to),
      });
    }
    if (isRecord(raw) && typeof raw.name === 'string' && typeof raw.badgeNumber === 'string') return t('disclosures.facts.officerValue', raw);
    return JSON.stringify(raw);
  };

  return { label, value };
}
