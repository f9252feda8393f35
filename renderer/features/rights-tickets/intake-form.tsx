import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketRow } from '../../../shared/ipc/rights-views';
import { intakeChannels, requesterRelations } from '../../../shared/platform/rights-entities';
import { rightsRequestTypes, type RightsRequestType } from '../../../shared/rights/ticket-states';
import { useDesk } from '../../desk/desk-context';
import { AccountFinder } from './account-finder';
import { AttachmentPicker } from './attachment-picker';
import { CallError } from './call-error';
import { DuplicateDialog } from './duplicate-dialog';
import { checkIntake, emptyIntake, intakeFields, type Account, type IntakeDraft, type IntakeField, type IntakeInput, type IntakeProblems } from './intake-draft';
import { useTicketCall } from './use-ticket-call';

interface IntakeFormProps {
  onCreated(ticketId: string): void;
  onOpenTicket(ticketId: string): void;
}

/** Where the core's validation paths point in the form. */
const fieldOfPath: Record<string, IntakeField> = {
  userId: 'account', type: 'type', 'requester.name': 'requesterName', 'requester.relation': 'relation',
  'requester.contactMasked': 'contact', request: 'request', listingIds: 'listingIds', 'correction.value': 'correctedNickname',
};

/**
 * A new ticket from a call, done while the caller waits: find the account, say what is asked
 * and by whom. Before creating, open tickets of the same type for the account are shown, and a
 * second ticket needs an explicit "create anyway".
 */
export function IntakeForm({ onCreated, onOpenTicket }: IntakeFormProps) {
  const { t } = useTranslation();
  const desk = useDesk();
  const id = useId();
  const form = useRef<HTMLFormElement>(null);
  const [draft, setDraft] = useState<IntakeDraft>(emptyIntake);
  const [problems, setProblems] = useState<IntakeProblems>({});
  const [checked, setChecked] = useState(0);
  const [duplicates, setDuplicates] = useState<{ tickets: TicketRow[]; input: IntakeInput } | null>(null);
  const { working, error, run } = useTicketCall();

  // After a failed check, the first field to fix takes the focus.
  useEffect(() => {
    if (checked > 0) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [checked]);

  /** Changes part of the draft; a changed field's problem goes until the next check. */
  const update = (changed: Partial<IntakeDraft>) => {
    setDraft((d) => ({ ...d, ...changed }));
    setProblems((p) => Object.fromEntries(Object.entries(p).filter(([field]) => !(field in changed))));
  };
  const set = <K extends keyof IntakeDraft>(key: K, value: IntakeDraft[K]) => update({ [key]: value });
  // The account holder calling is the usual case: their registered phone is the contact until changed.
  const chooseAccount = (account: Account | null) =>
    update({ account, contact: account && draft.relation === 'self' && !draft.contact ? account.phoneMasked : draft.contact });
  const chooseType = (type: RightsRequestType) => update({ type, relation: type === 'deceased_relative' ? 'near_relative' : draft.relation });
  const problemText = (field: IntakeField) => {
    const problem = problems[field];
    return problem ? t(`rights.intake.problems.${problem}`, { field: t(`rights.intake.fields.${field}`) }) : null;
  };
  const invalid = (field: IntakeField) => problems[field] !== undefined;
  // The router says `input.requester.name`, the platform `body.requester.name`: both name the same field.
  const fieldLabel = (path: string) => {
    const field = fieldOfPath[path.replace(/^(input|body)\./, '')];
    return field ? t(`rights.intake.fields.${field}`) : null;
  };

  const create = async (input: IntakeInput) => {
    const detail = await run(() => desk.call('rights:create', input));
    if (!detail) return;
    setDuplicates(null);
    onCreated(detail.ticket.id);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = checkIntake(draft);
    setProblems(result.problems);
    if (!result.input) {
      setChecked((n) => n + 1);
      return;
    }
    const input = result.input;
    const open = await run(() => desk.call('rights:openDuplicates', { userId: input.userId, type: input.type }));
    if (!open) return;
    if (open.tickets.length > 0) setDuplicates({ tickets: open.tickets, input });
    else await create(input);
  };

  const listed = intakeFields.filter(invalid);
  const fieldError = (field: IntakeField) =>
    invalid(field) ? (
      <p className="field-error" id={`${id}-${field}-error`}>
        {problemText(field)}
      </p>
    ) : null;
  const described = (field: IntakeField) => (invalid(field) ? `${id}-${field}-error` : undefined);

  return (
    <form ref={form} className="intake-form" data-testid="intake-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${id}-heading`}>
      <h1 id={`${id}-heading`}>{t('rights.intake.heading')}</h1>
      <Group legend={t('rights.intake.fields.account')}>
        <AccountFinder account={draft.account} invalid={invalid('account')} onChoose={chooseAccount} />
        {fieldError('account')}
      </Group>
      <Group legend={t('rights.intake.fields.type')} className="radio-row">
        {rightsRequestTypes.map((type) => (
          <label key={type}>
            <input type="radio" name={`${id}-type`} checked={draft.type === type} aria-invalid={invalid('type')} onChange={() => chooseType(type)} />
            {t(`rightsTypes.${type}`)}
          </label>
        ))}
        {fieldError('type')}
      </Group>
      <Group legend={t('rights.intake.fields.channel')} className="radio-row">
        {intakeChannels.map((channel) => (
          <label key={channel}>
            <input type="radio" name={`${id}-channel`} checked={draft.channel === channel} onChange={() => set('channel', channel)} />
            {t(`intakeChannels.${channel}`)}
          </label>
        ))}
      </Group>
      <Group legend={t('rights.intake.requester')}>
        <div className="intake-field">
          <label htmlFor={`${id}-name`}>{t('rights.intake.fields.requesterName')}</label>
          <input id={`${id}-name`} value={draft.requesterName} maxLength={40} aria-invalid={invalid('requesterName')} aria-describedby={described('requesterName')} onChange={(e) => set('requesterName', e.target.value)} />
          {fieldError('requesterName')}
        </div>
        <fieldset className="radio-row" aria-describedby={described('relation')}>
          <legend>{t('rights.intake.fields.relation')}</legend>
          {requesterRelations.map((relation) => (
            <label key={relation}>
              <input type="radio" name={`${id}-relation`} checked={draft.relation === relation} aria-invalid={invalid('relation')} onChange={() => set('relation', relation)} />
              {t(`requesterRelations.${relation}`)}
            </label>
          ))}
        </fieldset>
        {fieldError('relation')}
        <div className="intake-field">
          <label htmlFor={`${id}-contact`}>{t('rights.intake.fields.contact')}</label>
          <input id={`${id}-contact`} value={draft.contact} maxLength={80} placeholder={t('rights.intake.placeholder.contact')} aria-invalid={invalid('contact')} aria-describedby={described('contact') ?? `${id}-contact-hint`} onChange={(e) => set('contact', e.target.value)} />
          <p className="muted" id={`${id}-contact-hint`}>
            {t('rights.intake.contactHint')}
          </p>
          {fieldError('contact')}
        </div>
      </Group>
      <div className="intake-field">
        <label htmlFor={`${id}-request`}>{t('rights.intake.fields.request')}</label>
        <textarea id={`${id}-request`} rows={3} maxLength={4000} value={draft.request} aria-invalid={invalid('request')} aria-describedby={described('request')} onChange={(e) => set('request', e.target.value)} />
        {fieldError('request')}
      </div>
      {draft.type === 'deletion' && (
        <div className="intake-field">
          <label htmlFor={`${id}-listings`}>{t('rights.intake.fields.listingIds')}</label>
          <input id={`${id}-listings`} value={draft.listingIds} placeholder={t('rights.intake.placeholder.listingIds')} aria-invalid={invalid('listingIds')} aria-describedby={described('listingIds')} onChange={(e) => set('listingIds', e.target.value)} />
          {fieldError('listingIds')}
        </div>
      )}
      {draft.type === 'correction' && (
        <div className="intake-field">
          <label htmlFor={`${id}-nickname`}>{t('rights.intake.fields.correctedNickname')}</label>
          <input id={`${id}-nickname`} value={draft.correctedNickname} maxLength={40} aria-invalid={invalid('correctedNickname')} aria-describedby={described('correctedNickname')} onChange={(e) => set('correctedNickname', e.target.value)} />
          {fieldError('correctedNickname')}
        </div>
      )}
      <AttachmentPicker attachments={draft.attachments} onChange={(attachments) => set('attachments', attachments)} />
      {listed.length > 0 && (
        <div className="error" role="alert" data-testid="intake-problems">
          <p>{t('rights.intake.fix', { n: listed.length })}</p>
          <ul>
            {listed.map((field) => (
              <li key={field}>{problemText(field)}</li>
            ))}
          </ul>
        </div>
      )}
      {!duplicates && <CallError error={error} fieldLabel={fieldLabel} />}
      <div className="decision-buttons">
        <button type="submit" className="primary" data-testid="intake-submit" disabled={working}>
          {working ? t('rights.working') : t('rights.intake.submit')}
        </button>
      </div>
      {duplicates && (
        <DuplicateDialog
          tickets={duplicates.tickets}
          working={working}
          onOpen={(ticketId) => {
            setDuplicates(null);
            onOpenTicket(ticketId);
          }}
          onCreateAnyway={() => void create(duplicates.input)}
          onCancel={() => setDuplicates(null)}
        >
          <CallError error={error} />
        </DuplicateDialog>
      )}
    </form>
  );
}

function Group({ legend, className, children }: { legend: string; className?: string; children: ReactNode }) {
  return (
    <fieldset className={className ? `intake-group ${className}` : 'intake-group'}>
      <legend>{legend}</legend>
      {children}
    </fieldset>
  );
}
