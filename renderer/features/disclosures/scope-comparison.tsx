import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Disclosure } from '../../../shared/platform/disclosure-entities';
import { useCalendarDate } from '../rights-tickets/calendar-date';
import { RegisterAccount, type RegisterAccountRecord } from './register-account';

interface ScopeComparisonProps {
  disclosure: Disclosure;
  accounts: readonly RegisterAccountRecord[];
}

/** Marks what went beyond the request, in words as well as by its tint. */
function Beyond({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <mark className="over-scope" data-testid="beyond-request">
      {children} <span className="over-mark">{t('disclosures.over.mark')}</span>
    </mark>
  );
}

/**
 * What the document asked for beside what was (or is to be) handed over, row by row, with
 * everything beyond the request marked and counsel's written reason for it underneath.
 */
export function ScopeComparison({ disclosure, accounts }: ScopeComparisonProps) {
  const { t } = useTranslation();
  const formatDate = useCalendarDate();
  const requested = disclosure.request.scopeRequested;
  const disclosed = disclosure.scopeDisclosed;
  const over = disclosure.overDisclosure;
  const dates = (scope: { from: string; to: string }) => t('disclosures.facts.dateRange', { from: formatDate(scope.from), to: formatDate(scope.to) });
  const account = (userId: string) => <RegisterAccount userId={userId} accounts={accounts} />;
  const none = <span className="muted">—</span>;
  const rows: [string, ReactNode, ReactNode][] = [
    [
      'accounts',
      requested.userIds.map((id) => <div key={id}>{account(id)}</div>),
      disclosed ? disclosed.userIds.map((id) => <div key={id}>{over?.userIds.includes(id) ? <Beyond>{account(id)}</Beyond> : account(id)}</div>) : none,
    ],
    [
      'categories',
      requested.categories.map((c) => <div key={c}>{t(`legal.categories.${c}`)}</div>),
      disclosed ? disclosed.categories.map((c) => <div key={c}>{over?.categories.includes(c) ? <Beyond>{t(`legal.categories.${c}`)}</Beyond> : t(`legal.categories.${c}`)}</div>) : none,
    ],
    ['dates', dates(requested), disclosed ? over?.outsideDates ? <Beyond>{dates(disclosed)}</Beyond> : dates(disclosed) : none],
  ];
  return (
    <section className="ticket-section" aria-labelledby="scope-comparison-heading" data-testid="scope-comparison">
      <h3 id="scope-comparison-heading">{t('disclosures.detail.scopeHeading')}</h3>
      <table className="steps-table scope-table">
        <thead>
          <tr>
            <td />
            <th scope="col">{t('disclosures.detail.requested')}</th>
            <th scope="col">{t(disclosure.production ? 'disclosures.detail.disclosed' : 'disclosures.detail.toDisclose')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([key, left, right]) => (
            <tr key={key}>
              <th scope="row">{t(`disclosures.facts.${key}`)}</th>
              <td>{left}</td>
              <td>{right}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {over ? (
        <div className="notice over-disclosure" data-testid="over-disclosure-justification">
          <p>
            <strong>{t('disclosures.detail.overTitle')}</strong>
          </p>
          <p className="ticket-request">{over.justification}</p>
        </div>
      ) : (
        disclosed && <p className="muted">{t('disclosures.detail.withinRequest')}</p>
      )}
    </section>
  );
}
