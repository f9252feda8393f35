import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeskError } from '../../../shared/errors';
import type { OutboxEntry } from '../../../shared/ipc/views';
import type { Listing, ModerationAction } from '../../../shared/platform/entities';
import { asDeskError } from '../../desk/desk-call-error';
import { useDesk } from '../../desk/desk-context';
import { useErrorMessage } from '../../i18n/error-message';
import { shortcutMap } from '../shortcuts/shortcut-map';
import { useShortcuts } from '../shortcuts/use-shortcuts';
import { DecisionForm, type DecisionDraft } from './decision-form';

interface DecisionBarProps {
  listing: Listing;
  /** Someone else holds the item, or a decision on it is still on its way: no actions. */
  disabled: boolean;
  onDecided(entry: OutboxEntry): void;
  /** Offered the decision in flight; true when the page already moved on (then failures are the page's to show). */
  onDeciding?(sent: Promise<OutboxEntry>): boolean;
}

type ReasonedAction = Exclude<ModerationAction, 'approve'>;

/** The key the shortcut map gives an action, announced with its button. */
const keyOf = (action: ModerationAction) => shortcutMap.find((s) => s.scope === 'queue' && s.action === action)?.keys[0];

/** Which actions the listing's state allows (the platform's transitions). */
export function actionsFor(listing: Listing): ModerationAction[] {
  const byStatus: Partial<Record<Listing['status'], ModerationAction[]>> = {
    pending: ['approve', 'reject', 'request_edit', 'escalate'],
    published: ['remove', 'request_edit', 'escalate'],
  };
  const allowed = byStatus[listing.status] ?? [];
  return listing.escalated ? allowed.filter((a) => a !== 'escalate') : allowed;
}

/**
 * The decisions: approve at once (`a`); the others need a reason and a notice (`r` reject,
 * `e` escalate). Each goes to the outbox; the page then opens the next item.
 */
export function DecisionBar({ listing, disabled: blocked, onDecided, onDeciding }: DecisionBarProps) {
  const { t } = useTranslation();
  const desk = useDesk();
  const errorMessage = useErrorMessage();
  const [form, setForm] = useState<ReasonedAction | null>(null);
  const [problem, setProblem] = useState<DeskError | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const disabled = blocked || submitting;
  const allowed = actionsFor(listing);

  const decide = async (draft: DecisionDraft | { action: 'approve' }) => {
    setSubmitting(true);
    setProblem(null);
    const sent = desk.call('moderation:decide', {
      listingId: listing.id,
      action: draft.action,
      reasonCode: 'reasonCode' in draft ? draft.reasonCode : null,
      note: 'note' in draft ? draft.note : '',
      notice: 'notice' in draft ? draft.notice : '',
      basedOnVersion: listing.version,
    });
    // The outbox takes the decision; the next item need not wait for that answer. The page
    // reports a refusal; should it still be showing this item then, the actions come back.
    if (onDeciding?.(sent)) {
      sent.catch(() => setSubmitting(false));
      return;
    }
    try {
      const entry = await sent;
      onDecided(entry);
    } catch (error) {
      setProblem(asDeskError(error));
      setSubmitting(false);
    }
  };

  const start = (action: ModerationAction) => {
    if (disabled || !allowed.includes(action)) return;
    if (action === 'approve') void decide({ action });
    else setForm(action);
  };
  useShortcuts({ approve: () => start('approve'), reject: () => start('reject'), escalate: () => start('escalate') });

  const testIds: Partial<Record<ModerationAction, string>> = { approve: 'approve-button', reject: 'reject-button' };
  return (
    <div className="decision-bar" role="group" aria-label={t('decision.label')}>
      <div className="decision-buttons">
        {allowed.map((action) => (
          <button
            key={action}
            type="button"
            className={action === 'approve' ? 'approve' : 'reject'}
            data-testid={testIds[action] ?? `${action.replace('_', '-')}-button`}
            disabled={disabled}
            aria-expanded={action === 'approve' ? undefined : form === action}
            aria-keyshortcuts={keyOf(action)}
            onClick={() => start(action)}
          >
            {t(`actions.${action}`)}
          </button>
        ))}
        {allowed.length === 0 && <span className="muted">{t('decision.noneAllowed', { status: t(`listingStatuses.${listing.status}`) })}</span>}
        {submitting && <span className="muted">{t('decision.submitting')}</span>}
      </div>
      {form && (
        <DecisionForm
          key={form}
          listing={listing}
          action={form}
          disabled={disabled}
          onSubmit={(draft) => void decide(draft)}
          onCancel={() => setForm(null)}
        />
      )}
      {problem && (
        <p className="error" role="alert">
          {errorMessage(problem)}
        </p>
      )}
    </div>
  );
}
