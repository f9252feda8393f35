import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RightsTicketDetail } from '../../../shared/ipc/rights-views';
import { letterKindOf } from '../../../shared/rights/reply-letter';
import { letterPlaceholdersOf } from '../../../shared/rights/reply-templates';
import { useDesk } from '../../desk/desk-context';
import { useShanghaiTime } from '../../i18n/shanghai-time';
import { CallError } from './call-error';
import { draftLetter, replyDue } from './reply-letters';
import { useTicketCall } from './use-ticket-call';

interface ReplyLetterPanelProps {
  detail: RightsTicketDetail;
  canAct: boolean;
  onChanged(detail: RightsTicketDetail): void;
}

/**
 * The reply letter: drafted from the template for the ticket's outcome, edited by the agent,
 * sent once. Anything the template leaves for the agent ({explanation}) must be written before
 * it can go.
 */
export function ReplyLetterPanel({ detail, canAct, onChanged }: ReplyLetterPanelProps) {
  const { t } = useTranslation();
  const desk = useDesk();
  const id = useId();
  const formatTime = useShanghaiTime();
  const { ticket } = detail;
  const kind = letterKindOf(ticket);
  const [text, setText] = useState(() => draftLetter(detail));
  const [draftedFor, setDraftedFor] = useState(kind);
  const [edited, setEdited] = useState(false);
  const [problem, setProblem] = useState<'empty' | 'unfilled' | null>(null);
  const { working, error, run } = useTicketCall();
  // The outcome changed under an untouched draft (the ticket was executed): draft it again.
  if (kind !== draftedFor && !edited) {
    setDraftedFor(kind);
    setText(draftLetter(detail));
  }

  if (ticket.reply) {
    return (
      <section className="ticket-section" aria-labelledby={`${id}-heading`} data-testid="reply-letter">
        <h3 id={`${id}-heading`}>{t('rights.reply.heading')}</h3>
        <p className="muted">{t('rights.reply.sent', { time: formatTime(ticket.reply.sentAt), name: ticket.reply.staffName })}</p>
        <pre className="letter-text" data-testid="reply-sent">
          {ticket.reply.text}
        </pre>
      </section>
    );
  }
  if (!canAct || !replyDue(ticket)) return null;
  const unfilled = letterPlaceholdersOf(text);

  const send = async () => {
    const next = !text.trim() ? 'empty' : unfilled.length > 0 ? 'unfilled' : null;
    setProblem(next);
    if (next) return;
    const answer = await run(() => desk.call('rights:reply', { ticketId: ticket.id, basedOnVersion: ticket.version, text: text.trim() }));
    if (answer) onChanged(answer);
  };

  return (
    <section className="ticket-section" aria-labelledby={`${id}-heading`} data-testid="reply-letter">
      <h3 id={`${id}-heading`}>{t('rights.reply.heading')}</h3>
      <p className="muted">
        {t('rights.reply.template', { kind: t(`rights.reply.kinds.${kind}`) })} {t('rights.reply.chinese')}
      </p>
      <label htmlFor={`${id}-text`}>{t('rights.reply.edit')}</label>
      <textarea
        id={`${id}-text`}
        className="letter-text"
        data-testid="reply-text"
        rows={14}
        maxLength={8000}
        value={text}
        aria-invalid={problem !== null}
        onChange={(e) => {
          setText(e.target.value);
          setEdited(true);
          setProblem(null);
        }}
      />
      {unfilled.length > 0 && <p className="warning">{t('rights.reply.placeholders', { names: unfilled.map((p) => `{${p}}`).join(' ') })}</p>}
      <div className="decision-buttons">
        <button type="button" className="primary" data-testid="reply-send" disabled={working} onClick={() => void send()}>
          {working ? t('rights.working') : t('rights.reply.send')}
        </button>
        <button
          type="button"
          onClick={() => {
            setText(draftLetter(detail));
            setEdited(false);
            setProblem(null);
          }}
        >
          {t('rights.reply.redraft')}
        </button>
      </div>
      {problem && (
        <p className="error" role="alert">
          {t(`rights.reply.problems.${problem}`)}
        </p>
      )}
      <CallError error={error} />
      <details className="letter-reference">
        <summary>{t('rights.reply.english')}</summary>
        <pre className="letter-text">{draftLetter(detail, new Date(), 'en')}</pre>
      </details>
    </section>
  );
}
