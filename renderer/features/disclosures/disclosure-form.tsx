import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesk } from '../../desk/desk-context';
import { isoToShanghaiLocal } from '../legal-area/legal-dates';
import { CallError } from '../rights-tickets/call-error';
import { useTicketCall } from '../rights-tickets/use-ticket-call';
import { AuthorityFields } from './authority-fields';
import { checkDisclosure, disclosureFields, emptyDisclosure, type DisclosureDraft, type DisclosureField } from './disclosure-draft';
import { fieldOfErrorPath, refusalProblems } from './disclosure-error-fields';
import { InstrumentFields } from './instrument-fields';
import { OverDisclosureNotice } from './over-disclosure-notice';
import { ScopeFields } from './scope-fields';

/**
 * A new register entry, typed from the authority's document: who asked, under which instrument,
 * for what; and what counsel proposes to hand over. The over-disclosure check runs as the scopes
 * are typed; the other checks run on saving and then again at every change, until all pass.
 */
export function DisclosureForm({ onCreated }: { onCreated(disclosureId: string): void }) {
  const { t } = useTranslation();
  const desk = useDesk();
  const id = useId();
  const form = useRef<HTMLFormElement>(null);
  const [draft, setDraft] = useState<DisclosureDraft>(() => emptyDisclosure(isoToShanghaiLocal(new Date())));
  const [attempts, setAttempts] = useState(0);
  const { working, error, run } = useTicketCall();

  const checked = checkDisclosure(draft);
  const problems = { ...(attempts > 0 ? checked.problems : {}), ...refusalProblems(error) };
  const fieldName = (field: DisclosureField) => t(`disclosures.form.fields.${field}`);
  const problemText = (field: DisclosureField) => {
    const problem = problems[field];
    return problem ? t(`disclosures.form.problems.${problem}`, { field: fieldName(field) }) : null;
  };
  const update = (changed: Partial<DisclosureDraft>) => setDraft((d) => ({ ...d, ...changed }));
  const section = { id, draft, update, error: problemText };

  // After a refused save, the first field to fix takes the focus.
  useEffect(() => {
    if (attempts > 0 || error) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [attempts, error]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAttempts((n) => n + 1);
    const input = checked.input;
    if (!input) return;
    const detail = await run(() => desk.call('legal:createDisclosure', input));
    if (detail) onCreated(detail.disclosure.id);
  };

  const disclosed = draft.disclosed ?? draft.requested;
  const scopeErrors = (prefix: 'requested' | 'disclosed') => ({
    accounts: problemText(`${prefix}Accounts`),
    categories: problemText(`${prefix}Categories`),
    dates: problemText(`${prefix}Dates`),
  });
  const listed = disclosureFields.filter((field) => problems[field]);
  const fieldLabel = (path: string) => {
    const field = fieldOfErrorPath(path);
    return field ? fieldName(field) : null;
  };

  return (
    <form ref={form} className="intake-form disclosure-form" data-testid="disclosure-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${id}-heading`}>
      <h1 id={`${id}-heading`}>{t('disclosures.form.heading')}</h1>
      <p className="muted">{t('disclosures.form.explain')}</p>
      <AuthorityFields {...section} />
      <InstrumentFields {...section} />
      <ScopeFields id={`${id}-requested`} kind="requested" draft={draft.requested} errors={scopeErrors('requested')} onChange={(requested) => update({ requested })} />
      <ScopeFields id={`${id}-disclosed`} kind="disclosed" draft={disclosed} errors={scopeErrors('disclosed')} beyond={checked.over?.categories} onChange={(changed) => update({ disclosed: changed })}>
        <p className="muted">{t(draft.disclosed ? 'disclosures.scope.edited' : 'disclosures.scope.followsRequest')}</p>
        {draft.disclosed && (
          <div>
            <button type="button" onClick={() => update({ disclosed: null })}>
              {t('disclosures.scope.reset')}
            </button>
          </div>
        )}
      </ScopeFields>
      {checked.over && (
        <OverDisclosureNotice
          id={id}
          over={checked.over}
          requested={draft.requested}
          disclosed={disclosed}
          justification={draft.justification}
          error={problemText('justification')}
          onJustification={(justification) => update({ justification })}
        />
      )}
      {listed.length > 0 && (
        <div className="error" role="alert" data-testid="disclosure-problems">
          <p>{t('disclosures.form.fix', { n: listed.length })}</p>
          <ul>
            {listed.map((field) => (
              <li key={field}>{problemText(field)}</li>
            ))}
          </ul>
        </div>
      )}
      <CallError error={error} fieldLabel={fieldLabel} />
      <div className="decision-buttons">
        <button type="submit" className="primary" data-testid="disclosure-submit" disabled={working}>
          {working ? t('legal.working') : t('disclosures.form.submit')}
        </button>
      </div>
    </form>
  );
}
