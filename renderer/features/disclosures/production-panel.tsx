import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ProductionInput, type DisclosureDetail } from '../../../shared/ipc/legal-views';
import type { Disclosure } from '../../../shared/platform/disclosure-entities';
import { useDesk } from '../../desk/desk-context';
import { useShanghaiTime } from '../../i18n/shanghai-time';
import type { FileDraft } from '../files/read-files';
import { FieldError, TextField } from '../legal-area/form-field';
import { isoToShanghaiLocal, shanghaiLocalToIso } from '../legal-area/legal-dates';
import { CallError } from '../rights-tickets/call-error';
import { useTicketCall } from '../rights-tickets/use-ticket-call';
import { RegisterFileLink } from './register-file-link';
import { RegisterFilePicker } from './register-file-picker';

export const deliveryMethods = ProductionInput.shape.deliveryMethod.options;
type DeliveryMethod = (typeof deliveryMethods)[number];
const productionOutcomes = ProductionInput.shape.outcome.options;
type ProductionOutcome = (typeof productionOutcomes)[number];
type ProductionField = 'files' | 'deliveryMethod' | 'disclosedAt' | 'outcome';

interface ProductionPanelProps {
  disclosure: Disclosure;
  canAct: boolean;
  onChanged(detail: DisclosureDetail): void;
}

/**
 * What was handed over, after approval: each file (the platform keeps its SHA-256, so what was
 * given can be proven years later), how it was delivered, the authority's receipt and when.
 */
export function ProductionPanel({ disclosure, canAct, onChanged }: ProductionPanelProps) {
  const { t } = useTranslation();
  const formatTime = useShanghaiTime();
  const production = disclosure.production;
  if (production) {
    return (
      <section className="ticket-section" aria-labelledby="production-heading" data-testid="production-panel">
        <h3 id="production-heading">{t('disclosures.production.heading')}</h3>
        <p>{t('disclosures.production.summary', { time: formatTime(production.disclosedAt), method: t(`legal.deliveryMethods.${production.deliveryMethod}`) })}</p>
        <ul className="package-files" data-testid="produced-files">
          {production.files.map((file) => (
            <li key={file.id}>
              <RegisterFileLink file={file} testId="produced-file" />
            </li>
          ))}
        </ul>
        <h4>{t('disclosures.production.receipt')}</h4>
        {production.receipt ? <RegisterFileLink file={production.receipt} testId="receipt-file" /> : <p className="muted">{t('disclosures.production.noReceipt')}</p>}
      </section>
    );
  }
  if (disclosure.status === 'awaiting_approval') {
    return (
      <section className="ticket-section" aria-labelledby="production-heading" data-testid="production-panel">
        <h3 id="production-heading">{t('disclosures.production.heading')}</h3>
        <p className="muted">{t('disclosures.production.afterApproval')}</p>
      </section>
    );
  }
  return canAct && disclosure.status === 'approved' ? <ProductionForm disclosure={disclosure} onChanged={onChanged} /> : null;
}

function ProductionForm({ disclosure, onChanged }: Omit<ProductionPanelProps, 'canAct'>) {
  const { t } = useTranslation();
  const desk = useDesk();
  const id = useId();
  const [files, setFiles] = useState<FileDraft[]>([]);
  const [receipt, setReceipt] = useState<FileDraft | null>(null);
  const [deliveryMethod, setDeliveryMethod] = useState<DeliveryMethod | ''>('');
  const [disclosedAt, setDisclosedAt] = useState(() => isoToShanghaiLocal(new Date()));
  const [outcome, setOutcome] = useState<ProductionOutcome | ''>('');
  const [checked, setChecked] = useState(false);
  const { working, error, run } = useTicketCall();
  const at = shanghaiLocalToIso(disclosedAt);
  const missing: Record<ProductionField, boolean> = { files: files.length === 0, deliveryMethod: !deliveryMethod, disclosedAt: !at, outcome: !outcome };
  const problem = (field: ProductionField) => (checked && missing[field] ? t('disclosures.form.problems.required', { field: t(`disclosures.production.fields.${field}`) }) : null);
  const upload = ({ name, mediaType, contentBase64 }: FileDraft) => ({ name, mediaType, contentBase64 });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (!at || !deliveryMethod || !outcome || files.length === 0) return;
    const answer = await run(() =>
      desk.call('legal:recordProduction', {
        disclosureId: disclosure.id,
        basedOnVersion: disclosure.version,
        files: files.map(upload),
        deliveryMethod,
        receipt: receipt ? upload(receipt) : null,
        disclosedAt: at,
        outcome,
      }),
    );
    if (answer) onChanged(answer);
  };

  return (
    <section className="ticket-section" aria-labelledby={`${id}-heading`} data-testid="production-panel">
      <h3 id={`${id}-heading`}>{t('disclosures.production.heading')}</h3>
      <form className="decision-form" onSubmit={(e) => void submit(e)} noValidate data-testid="production-form">
        <RegisterFilePicker id={`${id}-files`} label={t('disclosures.production.fields.files')} testId="produced-input" maxFiles={20} files={files} error={problem('files')} onChange={setFiles} />
        <fieldset className="radio-row" aria-describedby={problem('deliveryMethod') ? `${id}-method-error` : undefined}>
          <legend>{t('disclosures.production.fields.deliveryMethod')}</legend>
          {deliveryMethods.map((method) => (
            <label key={method}>
              <input type="radio" name={`${id}-method`} checked={deliveryMethod === method} aria-invalid={Boolean(problem('deliveryMethod'))} onChange={() => setDeliveryMethod(method)} />
              {t(`legal.deliveryMethods.${method}`)}
            </label>
          ))}
        </fieldset>
        <FieldError id={`${id}-method`} error={problem('deliveryMethod')} />
        <RegisterFilePicker id={`${id}-receipt`} label={t('disclosures.production.fields.receipt')} testId="receipt-input" maxFiles={1} files={receipt ? [receipt] : []} onChange={(chosen) => setReceipt(chosen[0] ?? null)} />
        <TextField id={`${id}-at`} type="datetime-local" label={t('disclosures.production.fields.disclosedAt')} hint={t('disclosures.form.shanghaiTime')} value={disclosedAt} error={problem('disclosedAt')} onChange={setDisclosedAt} />
        <fieldset className="radio-row" aria-describedby={problem('outcome') ? `${id}-outcome-error` : undefined}>
          <legend>{t('disclosures.production.fields.outcome')}</legend>
          {productionOutcomes.map((value) => (
            <label key={value}>
              <input type="radio" name={`${id}-outcome`} checked={outcome === value} aria-invalid={Boolean(problem('outcome'))} onChange={() => setOutcome(value)} />
              {t(`legal.outcomes.${value}`)}
            </label>
          ))}
        </fieldset>
        <FieldError id={`${id}-outcome`} error={problem('outcome')} />
        <div className="decision-buttons">
          <button type="submit" className="primary" data-testid="record-production" disabled={working}>
            {working ? t('legal.working') : t('disclosures.production.submit')}
          </button>
        </div>
        <CallError error={error} fieldsKey="disclosures.production.fields" />
      </form>
    </section>
  );
}
