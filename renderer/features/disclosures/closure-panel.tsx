import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DisclosureDetail } from '../../../shared/ipc/legal-views';
import type { Disclosure } from '../../../shared/platform/disclosure-entities';
import { useDesk } from '../../desk/desk-context';
import { TextField } from '../legal-area/form-field';
import { CallError } from '../rights-tickets/call-error';
import { useTicketCall } from '../rights-tickets/use-ticket-call';

const closures = ['none_found', 'refused'] as const;
type Closure = (typeof closures)[number];

interface ClosurePanelProps {
  disclosure: Disclosure;
  canAct: boolean;
  onChanged(detail: DisclosureDetail): void;
}

/** An entry that ends with nothing handed over: no data found, or the request refused; either way with the reason on record. */
export function ClosurePanel({ disclosure, canAct, onChanged }: ClosurePanelProps) {
  const { t } = useTranslation();
  const desk = useDesk();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [outcome, setOutcome] = useState<Closure>('none_found');
  const [reason, setReason] = useState('');
  const [checked, setChecked] = useState(false);
  const { working, error, run } = useTicketCall();
  const closed = disclosure.outcome === 'none_found' || disclosure.outcome === 'refused' ? disclosure.outcome : null;

  if (closed) {
    return (
      <section className="ticket-section" aria-labelledby={`${id}-heading`} data-testid="closure-panel">
        <h3 id={`${id}-heading`}>{t('disclosures.closure.heading')}</h3>
        <p>{t('disclosures.closure.closedAs', { outcome: t(`legal.outcomes.${closed}`) })}</p>
        {disclosure.refusalReason && <p className="ticket-request">{disclosure.refusalReason}</p>}
      </section>
    );
  }
  if (!canAct || (disclosure.status !== 'awaiting_approval' && disclosure.status !== 'approved')) return null;

  const missingReason = checked && !reason.trim();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (!reason.trim()) return;
    const answer = await run(() => desk.call('legal:closeDisclosure', { disclosureId: disclosure.id, basedOnVersion: disclosure.version, outcome, reason: reason.trim() }));
    if (answer) onChanged(answer);
  };

  return (
    <section className="ticket-section" aria-labelledby={`${id}-heading`} data-testid="closure-panel">
      <h3 id={`${id}-heading`}>{t('disclosures.closure.heading')}</h3>
      {!open ? (
        <button type="button" data-testid="open-closure" onClick={() => setOpen(true)}>
          {t('disclosures.closure.open')}
        </button>
      ) : (
        <form className="decision-form" onSubmit={(e) => void submit(e)} noValidate>
          <fieldset className="radio-row">
            <legend>{t('disclosures.closure.outcome')}</legend>
            {closures.map((value) => (
              <label key={value}>
                <input type="radio" name={`${id}-outcome`} checked={outcome === value} onChange={() => setOutcome(value)} />
                {t(`legal.outcomes.${value}`)}
              </label>
            ))}
          </fieldset>
          <TextField
            id={`${id}-reason`}
            rows={3}
            maxLength={2000}
            label={t('disclosures.closure.reason')}
            value={reason}
            error={missingReason ? t('disclosures.form.problems.required', { field: t('disclosures.closure.reason') }) : null}
            onChange={setReason}
          />
          <div className="decision-buttons">
            <button type="submit" className="reject" data-testid="confirm-closure" disabled={working}>
              {working ? t('legal.working') : t('disclosures.closure.confirm')}
            </button>
            <button type="button" onClick={() => setOpen(false)}>
              {t('legal.cancel')}
            </button>
          </div>
          <CallError error={error} />
        </form>
      )}
    </section>
  );
}
