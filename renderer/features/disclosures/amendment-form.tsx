import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DisclosureDetail } from '../../../shared/ipc/legal-views';
import type { Disclosure } from '../../../shared/platform/disclosure-entities';
import { useDesk } from '../../desk/desk-context';
import { FieldError, TextField } from '../legal-area/form-field';
import { CallError } from '../rights-tickets/call-error';
import { useTicketCall } from '../rights-tickets/use-ticket-call';
import { amendableFields, amendableFieldsOf, amendmentDraftOf, checkAmendment, type AmendableField, type AmendmentDraft, type AmendmentField, type AmendmentProblems } from './amendment-draft';
import { refusalProblems } from './disclosure-error-fields';
import { AmendmentEditor } from './amendment-editors';
import { OverDisclosureNotice } from './over-disclosure-notice';

interface AmendmentFormProps {
  disclosure: Disclosure;
  onChanged(detail: DisclosureDetail): void;
}

const formFieldLabels: readonly AmendmentField[] = ['callBackNumber', 'requestedAccounts', 'requestedCategories', 'requestedDates', 'justification'];

/**
 * A correction of a saved entry: counsel picks the fields, edits them and says why. The platform
 * records who, when, why and each field before and after; the original entry never changes.
 */
export function AmendmentForm({ disclosure, onChanged }: AmendmentFormProps) {
  const { t } = useTranslation();
  const desk = useDesk();
  const id = useId();
  const [draft, setDraft] = useState<AmendmentDraft | null>(null);
  const [checked, setChecked] = useState(false);
  const { working, error, run } = useTicketCall();

  if (!draft) {
    return (
      <button type="button" data-testid="open-amendment" onClick={() => setDraft(amendmentDraftOf(disclosure))}>
        {t('disclosures.amend.open')}
      </button>
    );
  }
  const result = checkAmendment(draft, disclosure);
  // The platform's own refusals mark their field as the form's checks do.
  const problems: AmendmentProblems = { ...(checked ? result.problems : {}), ...refusalProblems(error) };
  const labelOf = (field: AmendmentField) =>
    field === 'chosen' || field === 'reason' ? t(`disclosures.amend.fields.${field}`) : formFieldLabels.includes(field) ? t(`disclosures.form.fields.${field}`) : t(`disclosures.facts.${field}`);
  const problemText = (field: AmendmentField) => {
    const problem = problems[field];
    return problem ? t(`disclosures.form.problems.${problem}`, { field: labelOf(field) }) : null;
  };
  const choose = (field: AmendableField, on: boolean) =>
    setDraft({ ...draft, chosen: amendableFields.filter((f) => (f === field ? on : draft.chosen.includes(f))) });
  const listed = Object.keys(problems) as AmendmentField[];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    const input = result.input;
    if (!input) return;
    const answer = await run(() => desk.call('legal:amendDisclosure', input));
    if (!answer) return;
    setDraft(null);
    setChecked(false);
    onChanged(answer);
  };

  return (
    <form className="decision-form amendment-form" onSubmit={(e) => void submit(e)} noValidate data-testid="amendment-form">
      <p className="muted">{t('disclosures.amend.explain')}</p>
      <fieldset className="radio-row" aria-describedby={problems.chosen ? `${id}-chosen-error` : undefined}>
        <legend>{labelOf('chosen')}</legend>
        {amendableFieldsOf(disclosure.request).map((field) => (
          <label key={field}>
            <input type="checkbox" checked={draft.chosen.includes(field)} onChange={(e) => choose(field, e.target.checked)} />
            {t(`disclosures.facts.${field}`)}
          </label>
        ))}
      </fieldset>
      <FieldError id={`${id}-chosen`} error={problemText('chosen')} />
      {draft.chosen.map((field) => (
        <AmendmentEditor key={field} id={id} field={field} values={draft.values} error={problemText} onChange={(changed) => setDraft({ ...draft, values: { ...draft.values, ...changed } })} />
      ))}
      {result.over && disclosure.scopeDisclosed && draft.chosen.includes('scopeRequested') && (
        <OverDisclosureNotice
          id={id}
          over={result.over}
          requested={draft.values.scopeRequested}
          disclosed={disclosure.scopeDisclosed}
          justification={draft.justification}
          error={problemText('justification')}
          onJustification={(justification) => setDraft({ ...draft, justification })}
        />
      )}
      <TextField id={`${id}-reason`} rows={2} maxLength={2000} label={labelOf('reason')} value={draft.reason} error={problemText('reason')} onChange={(reason) => setDraft({ ...draft, reason })} testId="amendment-reason" />
      {listed.length > 0 && (
        <div className="error" role="alert" data-testid="amendment-problems">
          <ul>
            {listed.map((field) => (
              <li key={field}>{problemText(field)}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="decision-buttons">
        <button type="submit" className="primary" data-testid="submit-amendment" disabled={working}>
          {working ? t('legal.working') : t('disclosures.amend.submit')}
        </button>
        <button type="button" onClick={() => setDraft(null)}>
          {t('legal.cancel')}
        </button>
      </div>
      <CallError error={error} fieldsKey="disclosures.amend.fields" />
    </form>
  );
}
