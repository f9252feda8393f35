import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeskError } from '../../../shared/errors';
import type { AccountGroupResult } from '../../../shared/ipc/moderation-views';
import { accountActions, type AccountActionKind } from '../../../shared/platform/entities';
import { useIsSenior } from '../../app/staff-context';
import { asDeskError } from '../../desk/desk-call-error';
import { useDesk } from '../../desk/desk-context';
import { useErrorMessage } from '../../i18n/error-message';
import { ReasonSelect } from '../listing-review/reason-select';
import { draftNotice } from '../moderation-queue/reasons';

const DEFAULT_SUSPENSION_DAYS = 7;
type Problem = 'reason_required' | 'notice_required' | 'days_invalid';

/** An account the form acts on: its id, and its nickname for the notice. */
export interface AccountTarget {
  id: string;
  nickname: string;
}

/**
 * Warn, suspend for N days, or ban (senior moderators only: the others never see the choice),
 * each with a reason from the taxonomy and the notice the account's user receives. Given
 * several linked accounts it acts on them as one group: the notice keeps {nickname} for the
 * core to fill per account, and each account's result is listed.
 */
export function AccountActionForm({ accounts, onActed, testId = 'account-action-form' }: { accounts: AccountTarget[]; onActed(): void; testId?: string }) {
  const { t } = useTranslation();
  const desk = useDesk();
  const errorMessage = useErrorMessage();
  const senior = useIsSenior();
  const id = useId();
  const allowed = accountActions.filter((a) => a !== 'ban' || senior);
  const [action, setAction] = useState<AccountActionKind>('warn');
  const [days, setDays] = useState(String(DEFAULT_SUSPENSION_DAYS));
  const [reasonCode, setReasonCode] = useState('');
  const [notice, setNotice] = useState('');
  const [problem, setProblem] = useState<Problem | DeskError | null>(null);
  const [done, setDone] = useState<AccountActionKind | null>(null);
  const [groupResult, setGroupResult] = useState<AccountGroupResult | null>(null);
  const group = accounts.length > 1;
  const single = group ? undefined : accounts[0];
  const [submitting, setSubmitting] = useState(false);

  const redraft = (nextAction: AccountActionKind, code: string, nextDays: string) =>
    setNotice(code ? draftNotice(code, nextAction, { nickname: single?.nickname, days: Number(nextDays) || undefined }) : '');
  const chooseAction = (next: AccountActionKind) => {
    setAction(next);
    setReasonCode('');
    setNotice('');
    setProblem(null);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const durationDays = action === 'suspend' ? Number(days) : null;
    const missing: Problem | null = !reasonCode
      ? 'reason_required'
      : durationDays !== null && !(Number.isInteger(durationDays) && durationDays >= 1 && durationDays <= 365)
        ? 'days_invalid'
        : !notice.trim()
          ? 'notice_required'
          : null;
    setProblem(missing);
    if (missing) return;
    setSubmitting(true);
    try {
      const request = { action, reasonCode, notice: notice.trim(), durationDays };
      if (single) await desk.call('accounts:act', { ...request, userId: single.id });
      else setGroupResult(await desk.call('accounts:actGroup', { ...request, userIds: accounts.map((a) => a.id) }));
      setDone(action);
      setReasonCode('');
      setNotice('');
      onActed();
    } catch (error) {
      setProblem(asDeskError(error));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <form className="account-action-form" data-testid={testId} onSubmit={(e) => void submit(e)} noValidate>
      <fieldset>
        <legend>{group ? t('accountAction.groupHeading', { count: accounts.length }) : t('accountAction.heading')}</legend>
        <div className="radio-row" role="radiogroup" aria-label={t('accountAction.action')}>
          {allowed.map((kind) => (
            <label key={kind}>
              <input type="radio" name={`${id}-action`} value={kind} data-testid={`account-action-${kind}`} checked={action === kind} onChange={() => chooseAction(kind)} />
              {t(`accountActions.${kind}`)}
            </label>
          ))}
        </div>
        {action === 'suspend' && (
          <div className="decision-field">
            <label htmlFor={`${id}-days`}>{t('accountAction.days')}</label>
            <input
              id={`${id}-days`}
              type="number"
              min={1}
              max={365}
              value={days}
              aria-invalid={problem === 'days_invalid'}
              onChange={(e) => {
                setDays(e.target.value);
                redraft(action, reasonCode, e.target.value);
              }}
            />
          </div>
        )}
        <div className="decision-field">
          <label htmlFor={`${id}-reason`}>{t('accountAction.reason')}</label>
          <ReasonSelect
            id={`${id}-reason`}
            action={action}
            testId="account-reason"
            value={reasonCode}
            invalid={problem === 'reason_required'}
            onChange={(code) => {
              setReasonCode(code);
              redraft(action, code, days);
              setProblem(null);
            }}
          />
        </div>
        <div className="decision-field">
          <label htmlFor={`${id}-notice`}>{t('decision.notice')}</label>
          <textarea id={`${id}-notice`} data-testid="account-notice" rows={3} maxLength={2000} value={notice} onChange={(e) => setNotice(e.target.value)} />
        </div>
        <button type="submit" className="reject" data-testid="account-action-submit" disabled={submitting}>
          {t(`accountAction.confirm.${action}`)}
        </button>
        {!senior && <p className="muted">{t('accountAction.banSeniorOnly')}</p>}
        {done && !problem && !groupResult && <p role="status">{t('accountAction.done', { action: t(`accountActions.${done}`) })}</p>}
        {groupResult && <GroupResults result={groupResult} accounts={accounts} />}
        {problem && (
          <p className="error" role="alert">
            {typeof problem === 'string' ? t(`accountAction.${problem}`) : errorMessage(problem)}
          </p>
        )}
      </fieldset>
    </form>
  );
}

function GroupResults({ result, accounts }: { result: AccountGroupResult; accounts: AccountTarget[] }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const applied = result.results.filter((r) => r.outcome === 'applied').length;
  const nickname = (userId: string) => accounts.find((a) => a.id === userId)?.nickname ?? userId;
  return (
    <div role="status" data-testid="account-group-result" data-group-id={result.groupId}>
      <p>{t('accountAction.groupDone', { applied, total: result.results.length })}</p>
      <ul>
        {result.results.map((r) => (
          <li key={r.userId} data-user-id={r.userId} data-outcome={r.outcome}>
            {nickname(r.userId)} · {r.outcome === 'applied' ? t('accountAction.applied') : errorMessage(r.error ?? { code: 'internal', message: '' })}
          </li>
        ))}
      </ul>
    </div>
  );
}
