import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { HoldRow } from '../../../shared/ipc/legal-views';
import { useShanghaiTime } from '../../i18n/shanghai-time';
import { shanghaiDay, shanghaiToday } from '../legal-area/legal-dates';
import { useCalendarDate } from '../rights-tickets/calendar-date';
import { holdExpiry } from './hold-expiry';
import { MaskedPhone } from '../reveal/masked-phone';

export type LegalHoldRow = z.infer<typeof HoldRow>;

interface HoldTableProps {
  holds: LegalHoldRow[];
  canAct: boolean;
  onLift(hold: LegalHoldRow): void;
  onRenew(hold: LegalHoldRow): void;
}

const columns = ['account', 'source', 'reference', 'scope', 'placed', 'expires', 'renewals', 'state'] as const;

/** Every hold with what it covers and until when; one lapsing within 14 days is marked in words. */
export function HoldTable({ holds, canAct, onLift, onRenew }: HoldTableProps) {
  const { t } = useTranslation();
  const formatTime = useShanghaiTime();
  const formatDate = useCalendarDate();
  const today = shanghaiToday();
  const separator = t('legal.listSeparator');
  return (
    <div className="ticket-scroll">
      <table className="ticket-table hold-table" data-testid="hold-table" aria-label={t('holds.label')}>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col">
                {t(`holds.columns.${column}`)}
              </th>
            ))}
            {canAct && <th scope="col">{t('holds.columns.actions')}</th>}
          </tr>
        </thead>
        <tbody>
          {holds.map((hold) => {
            const expiry = holdExpiry(hold.expiresAt, today);
            const state = hold.liftedAt ? 'lifted' : hold.active ? 'active' : 'expired';
            return (
              <tr key={hold.id} data-testid="hold-row" className={expiry && hold.active && expiry.urgency !== 'later' ? 'ticket-row urgency-due-soon' : 'ticket-row'}>
                <td>
                  {hold.account.nickname ?? t('disclosures.facts.unknownAccount')} {hold.account.phoneMasked && <MaskedPhone masked={hold.account.phoneMasked} subjectType="user" subjectId={hold.userId} />}
                  <br />
                  <code className="muted">{hold.userId}</code>
                </td>
                <td>{t(`legal.holdSources.${hold.source}`)}</td>
                <td>
                  {hold.reference}
                  {hold.reason && <div className="muted">{hold.reason}</div>}
                </td>
                <td>{hold.scope.map((s) => t(`legal.holdScopes.${s}`)).join(separator)}</td>
                <td>
                  {hold.placedByName}
                  <br />
                  <span className="muted">{formatTime(hold.placedAt)}</span>
                </td>
                <td className="col-nowrap" data-testid="hold-expiry">
                  {expiry ? formatDate(expiry.date) : t('holds.noExpiry')}
                  {expiry && hold.active && expiry.urgency === 'soon' && <span className="urgency-badge due-soon">{t('holds.expiresIn', { n: expiry.days })}</span>}
                </td>
                <td>
                  {hold.renewals.length === 0
                    ? '—'
                    : hold.renewals.map((r) => (
                        <div key={r.at} className="muted">
                          {t('holds.renewal', { reference: r.reference, date: formatDate(shanghaiDay(r.expiresAt)), name: r.staffName })}
                        </div>
                      ))}
                </td>
                <td>
                  {t(`holds.states.${state}`)}
                  {hold.liftReason && <div className="muted">{hold.liftReason}</div>}
                </td>
                {canAct && (
                  <td>
                    {hold.active && (
                      <div className="decision-buttons">
                        <button type="button" data-testid="renew-hold" onClick={() => onRenew(hold)}>
                          {t('holds.renew')}
                        </button>
                        <button type="button" className="reject" data-testid="lift-hold" onClick={() => onLift(hold)}>
                          {t('holds.lift')}
                        </button>
                      </div>
                    )}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
