import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { holdScopes, holdSources, type HoldScope } from '../../../shared/platform/legal-entities';
import { useDesk } from '../../desk/desk-context';
import { DialogButtons } from '../dialog/dialog-buttons';
import { FieldError, TextField } from '../legal-area/form-field';
import { endOfShanghaiDay, isCalendarDate, shanghaiToday } from '../legal-area/legal-dates';
import { CallError } from '../rights-tickets/call-error';
import { useTicketCall } from '../rights-tickets/use-ticket-call';

type HoldSource = (typeof holdSources)[number];
type HoldField = 'userId' | 'reference' | 'reason' | 'scope' | 'expiresOn';
type HoldProblem = 'required' | 'too_long' | 'user_ids' | 'invalid_date' | 'past_date';

interface HoldDraft {
  userId: string;
  source: HoldSource;
  reference: string;
  reason: string;
  scope: HoldScope[];
  expiresOn: string;
}

const emptyHold: HoldDraft = { userId: '', source: 'preservation_notice', reference: '', reason: '', scope: [], expiresOn: '' };

function checkHold(draft: HoldDraft, today: string): Partial<Record<HoldField, HoldProblem>> {
  const problems: Partial<Record<HoldField, HoldProblem>> = {};
  const text = (field: 'reference' | 'reason', max: number) => {
    const value = draft[field].trim();
    if (!value) problems[field] = 'required';
    else if (value.length > max) problems[field] = 'too_long';
  };
  if (!draft.userId.trim()) problems.userId = 'required';
  else if (!/^[\w-]{1,64}$/.test(draft.userId.trim())) problems.userId = 'user_ids';
  text('reference', 100);
  text('reason', 1000);
  if (draft.scope.length === 0) problems.scope = 'required';
  if (draft.expiresOn && !isCalendarDate(draft.expiresOn)) problems.expiresOn = 'invalid_date';
  else if (draft.expiresOn && draft.expiresOn < today) problems.expiresOn = 'past_date';
  return problems;
}

/** A new hold on an account: it blocks deletion and cancellation of what it covers until lifted or lapsed. */
export function PlaceHoldForm({ onPlaced, onCancel }: { onPlaced(): void; onCancel(): void }) {
  const { t } = useTranslation();
  const desk = useDesk();
  const id = useId();
  const [draft, setDraft] = useState<HoldDraft>(emptyHold);
  const [checked, setChecked] = useState(false);
  const { working, error, run } = useTicketCall();
  const problems = checked ? checkHold(draft, shanghaiToday()) : {};
  const problem = (field: HoldField) => (problems[field] ? t(`holds.problems.${problems[field]}`, { field: t(`holds.fields.${field}`) }) : null);
  const set = (changed: Partial<HoldDraft>) => setDraft((d) => ({ ...d, ...changed }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (Object.keys(checkHold(draft, shanghaiToday())).length > 0) return;
    const input = {
      userId: draft.userId.trim(),
      source: draft.source,
      reference: draft.reference.trim(),
      reason: draft.reason.trim(),
      scope: draft.scope,
      expiresAt: draft.expiresOn ? endOfShanghaiDay(draft.expiresOn) : null,
    };
    if (await run(() => desk.call('legal:placeHold', input))) onPlaced();
  };

  return (
    <form className="intake-form hold-form" onSubmit={(e) => void submit(e)} noValidate data-testid="place-hold-form" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('holds.place.heading')}</h2>
      <TextField id={`${id}-user`} label={t('holds.fields.userId')} maxLength={64} value={draft.userId} error={problem('userId')} onChange={(userId) => set({ userId })} />
      <div className="intake-field">
        <label htmlFor={`${id}-source`}>{t('holds.fields.source')}</label>
        <select id={`${id}-source`} value={draft.source} onChange={(e) => set({ source: e.target.value as HoldSource })}>
          {holdSources.map((source) => (
            <option key={source} value={source}>
              {t(`legal.holdSources.${source}`)}
            </option>
          ))}
        </select>
      </div>
      <TextField id={`${id}-reference`} label={t('holds.fields.reference')} maxLength={100} value={draft.reference} error={problem('reference')} onChange={(reference) => set({ reference })} />
      <TextField id={`${id}-reason`} rows={2} label={t('holds.fields.reason')} maxLength={1000} value={draft.reason} error={problem('reason')} onChange={(reason) => set({ reason })} />
      <fieldset className="radio-row" aria-describedby={problems.scope ? `${id}-scope-error` : undefined}>
        <legend>{t('holds.fields.scope')}</legend>
        {holdScopes.map((scope) => (
          <label key={scope}>
            <input
              type="checkbox"
              checked={draft.scope.includes(scope)}
              aria-invalid={Boolean(problems.scope)}
              onChange={(e) => set({ scope: holdScopes.filter((s) => (s === scope ? e.target.checked : draft.scope.includes(s))) })}
            />
            {t(`legal.holdScopes.${scope}`)}
          </label>
        ))}
      </fieldset>
      <FieldError id={`${id}-scope`} error={problem('scope')} />
      <TextField id={`${id}-expires`} type="date" label={t('holds.fields.expiresOn')} hint={t('holds.place.expiresHint')} value={draft.expiresOn} error={problem('expiresOn')} onChange={(expiresOn) => set({ expiresOn })} />
      <CallError error={error} fieldsKey="holds.fields" />
      <DialogButtons
        className="decision-buttons"
        confirmTestId="submit-hold"
        confirmLabel={t('holds.place.submit')}
        workingLabel={t('legal.working')}
        working={working}
        cancelLabel={t('legal.cancel')}
        onCancel={onCancel}
      />
    </form>
  );
}
