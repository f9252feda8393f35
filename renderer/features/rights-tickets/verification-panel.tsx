import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelInput } from '../../../shared/ipc/contract';
import type { RightsTicketDetail } from '../../../shared/ipc/rights-views';
import type { RightsTicket } from '../../../shared/platform/rights-entities';
import type { VerificationMethod } from '../../../shared/rights/ticket-states';
import { useDesk } from '../../desk/desk-context';
import { useShanghaiTime } from '../../i18n/shanghai-time';
import { CallError } from './call-error';
import { useTicketCall } from './use-ticket-call';

interface VerificationPanelProps {
  ticket: RightsTicket;
  canAct: boolean;
  onChanged(detail: RightsTicketDetail): void;
}

/** A deceased user cannot answer an SMS: their relatives prove kinship with documents instead. */
const methodsFor = (ticket: RightsTicket): VerificationMethod[] =>
  ticket.type === 'deceased_relative' ? ['relative_documents'] : ['sms_code', 'phone_and_listing'];

type Answer = { code: string; phone: string; listingId: string; documentsNote: string };
const blank: Answer = { code: '', phone: '', listingId: '', documentsNote: '' };
type AnswerProblem = 'code' | 'phone' | 'listingId' | 'documentsNote';

function answerInput(ticketId: string, method: VerificationMethod, answer: Answer): ChannelInput<'rights:answerVerification'> | AnswerProblem {
  if (method === 'sms_code') return /^\d{6}$/.test(answer.code.trim()) ? { ticketId, code: answer.code.trim() } : 'code';
  if (method === 'phone_and_listing') {
    const phone = answer.phone.replace(/[\s-]/g, '');
    if (!/^1\d{10}$/.test(phone)) return 'phone';
    return answer.listingId.trim() ? { ticketId, phone, listingId: answer.listingId.trim() } : 'listingId';
  }
  return answer.documentsNote.trim() ? { ticketId, documentsNote: answer.documentsNote.trim() } : 'documentsNote';
}

/**
 * Identity verification with what registration already collected: an SMS code to the
 * registered phone, or that phone with one of the user's listings; a relative's documents for
 * a deceased user. Never an ID photo. The clock pauses while the user is being waited on.
 */
export function VerificationPanel({ ticket, canAct, onChanged }: VerificationPanelProps) {
  const { t } = useTranslation();
  const desk = useDesk();
  const id = useId();
  const formatTime = useShanghaiTime();
  const methods = methodsFor(ticket);
  const [method, setMethod] = useState<VerificationMethod>(methods[0]!);
  const [answer, setAnswer] = useState<Answer>(blank);
  const [problem, setProblem] = useState<AnswerProblem | null>(null);
  const [outcome, setOutcome] = useState<'passed' | 'failed' | null>(null);
  const { working, error, run } = useTicketCall();
  const { verification, state } = ticket;
  if (state !== 'received' && state !== 'awaiting_verification' && !verification.method) return null;
  const left = Math.max(0, verification.maxAttempts - verification.attempts);

  const start = async () => {
    const detail = await run(() => desk.call('rights:startVerification', { ticketId: ticket.id, basedOnVersion: ticket.version, method }));
    if (detail) onChanged(detail);
  };
  const check = async (event: FormEvent) => {
    event.preventDefault();
    if (!verification.method) return;
    const input = answerInput(ticket.id, verification.method, answer);
    setProblem(typeof input === 'string' ? input : null);
    if (typeof input === 'string') return;
    const result = await run(() => desk.call('rights:answerVerification', { ...input, basedOnVersion: ticket.version }));
    if (!result) return;
    setOutcome(result.passed ? 'passed' : 'failed');
    setAnswer(blank);
    onChanged(result.detail);
  };
  const field = (name: keyof Answer, label: string, props: { inputMode?: 'numeric' | 'tel'; maxLength: number; hint?: string }) => (
    <div className="intake-field">
      <label htmlFor={`${id}-${name}`}>{label}</label>
      <input
        id={`${id}-${name}`}
        data-testid={`verification-${name}`}
        autoComplete="off"
        inputMode={props.inputMode}
        maxLength={props.maxLength}
        value={answer[name]}
        aria-invalid={problem === name}
        onChange={(e) => setAnswer({ ...answer, [name]: e.target.value })}
      />
      {props.hint && <p className="muted">{props.hint}</p>}
    </div>
  );

  return (
    <section className="ticket-section" aria-labelledby={`${id}-heading`} data-testid="verification-panel">
      <h3 id={`${id}-heading`}>{t('rights.verification.heading')}</h3>
      <p className="muted">{t('rights.verification.noIdPhoto')}</p>
      {verification.method && (
        <p>
          {t('rights.verification.method', { method: t(`verificationMethods.${verification.method}`) })} ·{' '}
          <span data-testid="verification-attempts">{t('rights.verification.attempts', { used: verification.attempts, max: verification.maxAttempts })}</span>
        </p>
      )}
      {verification.verifiedAt && <p className="verified">{t('rights.verification.verified', { time: formatTime(verification.verifiedAt) })}</p>}
      {state === 'refused' && ticket.refusal?.reasonCode === 'identity_not_verified' && <p className="error">{t('rights.verification.exhausted')}</p>}
      {state === 'awaiting_verification' && <p className="paused-clock">{t('rights.deadline.paused')}</p>}
      {canAct && state === 'received' && (
        <div className="verification-start">
          <fieldset className="radio-row">
            <legend>{t('rights.verification.choose')}</legend>
            {methods.map((m) => (
              <label key={m}>
                <input type="radio" name={`${id}-method`} checked={method === m} onChange={() => setMethod(m)} />
                {t(`verificationMethods.${m}`)}
              </label>
            ))}
          </fieldset>
          {method === 'relative_documents' && <p className="muted">{t('rights.verification.relativeHint')}</p>}
          <button type="button" className="primary" data-testid="verification-start" disabled={working} onClick={() => void start()}>
            {t('rights.verification.start')}
          </button>
        </div>
      )}
      {canAct && state === 'awaiting_verification' && verification.method && (
        <form className="verification-answer" onSubmit={(e) => void check(e)} noValidate>
          {verification.method === 'sms_code' && field('code', t('rights.verification.code'), { inputMode: 'numeric', maxLength: 6 })}
          {verification.method === 'phone_and_listing' && (
            <>
              {field('phone', t('rights.verification.phone'), { inputMode: 'tel', maxLength: 13, hint: t('rights.verification.phoneHint') })}
              {field('listingId', t('rights.verification.listingId'), { maxLength: 64 })}
            </>
          )}
          {verification.method === 'relative_documents' && field('documentsNote', t('rights.verification.documents'), { maxLength: 1000, hint: t('rights.verification.relativeHint') })}
          <button type="submit" className="primary" data-testid="verification-check" disabled={working}>
            {t('rights.verification.check')}
          </button>
          {problem && (
            <p className="error" role="alert">
              {t(`rights.verification.problems.${problem}`)}
            </p>
          )}
        </form>
      )}
      <div role="status" data-testid="verification-outcome">
        {outcome === 'failed' && left > 0 && <p className="error">{t('rights.verification.failed', { left })}</p>}
        {outcome === 'passed' && <p className="verified">{t('rights.verification.passed')}</p>}
      </div>
      <CallError error={error} />
    </section>
  );
}
