import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DisclosureRequest } from '../../../shared/platform/disclosure-entities';
import { useShanghaiTime } from '../../i18n/shanghai-time';
import { useCalendarDate } from '../rights-tickets/calendar-date';
import { RegisterAccount, type RegisterAccountRecord } from './register-account';

interface RequestFactsProps {
  request: DisclosureRequest;
  accounts: readonly RegisterAccountRecord[];
  /** The requested scope too: the original entry is read whole, the current one beside what was disclosed. */
  withScope: boolean;
  testId: string;
}

/** Every field of a request as the register holds it. */
export function RequestFacts({ request, accounts, withScope, testId }: RequestFactsProps) {
  const { t } = useTranslation();
  const formatTime = useShanghaiTime();
  const formatDate = useCalendarDate();
  const separator = t('legal.listSeparator');
  const yesNo = (value: boolean) => t(value ? 'legal.yes' : 'legal.no');
  const approval = request.foreignApproval;
  const rows: [string, ReactNode][] = [
    ['receivedAt', formatTime(request.receivedAt)],
    ['channel', t(`legal.channels.${request.channel}`)],
    ['authorityType', t(`legal.authorityTypes.${request.authorityType}`)],
    ['authorityName', request.authorityName],
    ['domestic', request.domestic ? t('disclosures.form.domestic') : t('disclosures.form.foreign')],
    ...(request.domestic ? [] : ([['foreignApproval', approval ? t('disclosures.facts.approvalValue', { ...approval, approvedOn: formatDate(approval.approvedOn) }) : t('disclosures.facts.noApproval')]] as [string, ReactNode][])),
    ['officers', request.officers.map((o) => t('disclosures.facts.officerValue', o)).join(separator)],
    ['identityCheck', t('disclosures.facts.identityValue', { number: request.identityCheck.callBackNumber, note: request.identityCheck.note || '—' })],
    ['instrumentType', t(`legal.instrumentTypes.${request.instrumentType}`)],
    ['documentNumber', request.documentNumber],
    ['approvingOfficial', request.approvingOfficial],
    ['caseCause', request.caseCause],
    ['statute', request.statute],
    ['emergency', yesNo(request.emergency)],
    ['noNotify', !request.noNotify ? yesNo(false) : request.noNotifyUntil ? t('disclosures.facts.noNotifyUntilValue', { date: formatDate(request.noNotifyUntil) }) : t('disclosures.facts.noNotifyOpen')],
  ];
  if (withScope) {
    const scope = request.scopeRequested;
    rows.push(
      ['accounts', scope.userIds.map((userId) => <RegisterAccount key={userId} userId={userId} accounts={accounts} />)],
      ['categories', scope.categories.map((c) => t(`legal.categories.${c}`)).join(separator)],
      ['dates', t('disclosures.facts.dateRange', { from: formatDate(scope.from), to: formatDate(scope.to) })],
    );
  }
  return (
    <dl className="facts request-facts" data-testid={testId}>
      {rows.map(([key, value]) => (
        <div key={key} className="fact" data-fact={key}>
          <dt>{t(`disclosures.facts.${key}`)}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
