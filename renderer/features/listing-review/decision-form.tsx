import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Listing, ModerationAction } from '../../../shared/platform/entities';
import { draftNotice } from '../moderation-queue/reasons';
import { ReasonSelect } from './reason-select';

export interface DecisionDraft {
  action: ModerationAction;
  reasonCode: string;
  note: string;
  notice: string;
}

type Problem = 'reason_required' | 'note_required' | 'notice_required';

interface DecisionFormProps {
  listing: Listing;
  action: Exclude<ModerationAction, 'approve'>;
  disabled: boolean;
  onSubmit(draft: DecisionDraft): void;
  onCancel(): void;
}

/**
 * A decision that needs a reason: the reason (1–9 pick it), an internal note (required to
 * escalate), and the notice the user will receive, drafted from the reason's template and
 * editable before it is sent.
 */
export function DecisionForm({ listing, action, disabled, onSubmit, onCancel }: DecisionFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const [reasonCode, setReasonCode] = useState('');
  const [note, setNote] = useState('');
  const [notice, setNotice] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const chooser = useRef<HTMLSelectElement>(null);
  const isReject = action === 'reject';

  useEffect(() => chooser.current?.focus(), [action]);

  const chooseReason = (code: string) => {
    setReasonCode(code);
    setNotice(code ? draftNotice(code, action, { title: listing.title, listingId: listing.id }) : '');
    setProblem(null);
  };

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (disabled) return;
    const missing: Problem | null = !reasonCode
      ? 'reason_required'
      : action === 'escalate' && !note.trim()
        ? 'note_required'
        : !notice.trim()
          ? 'notice_required'
          : null;
    setProblem(missing);
    if (missing === 'reason_required') chooser.current?.focus();
    if (missing) return;
    onSubmit({ action, reasonCode, note: note.trim(), notice: notice.trim() });
  };

  return (
    <form id={`${id}-form`} className="decision-form" data-action={action} onSubmit={submit} noValidate>
      <div className="decision-field">
        <label htmlFor={`${id}-reason`}>{t(`decision.reasonFor.${action}`)}</label>
        <ReasonSelect
          id={`${id}-reason`}
          ref={chooser}
          action={action}
          testId={isReject ? 'reject-reason' : 'decision-reason'}
          value={reasonCode}
          invalid={problem === 'reason_required'}
          disabled={disabled}
          onChange={chooseReason}
          onConfirm={() => submit()}
          onCancel={onCancel}
        />
      </div>
      <div className="decision-field">
        <label htmlFor={`${id}-note`}>{action === 'escalate' ? t('decision.escalationNote') : t('decision.note')}</label>
        <textarea
          id={`${id}-note`}
          data-testid="decision-note"
          rows={2}
          maxLength={2000}
          value={note}
          aria-invalid={problem === 'note_required'}
          disabled={disabled}
          onChange={(e) => setNote(e.target.value)}
        />
      </div>
      <div className="decision-field">
        <label htmlFor={`${id}-notice`}>{t('decision.notice')}</label>
        <textarea
          id={`${id}-notice`}
          data-testid="decision-notice"
          rows={3}
          maxLength={2000}
          value={notice}
          placeholder={t('decision.noticePlaceholder')}
          aria-invalid={problem === 'notice_required'}
          disabled={disabled}
          onChange={(e) => setNotice(e.target.value)}
        />
      </div>
      <div className="decision-buttons">
        <button type="submit" className="reject" data-testid={isReject ? 'confirm-reject' : 'confirm-decision'} disabled={disabled}>
          {t(`decision.confirm.${action}`)}
        </button>
        <button type="button" onClick={onCancel}>
          {t('decision.cancel')}
        </button>
      </div>
      {problem && (
        <p className="error" role="alert">
          {t(`decision.${problem}`)}
        </p>
      )}
    </form>
  );
}
