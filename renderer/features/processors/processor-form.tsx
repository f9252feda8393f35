import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { processorKinds, type Processor } from '../../../shared/platform/legal-entities';
import { useDesk } from '../../desk/desk-context';
import { DialogButtons } from '../dialog/dialog-buttons';
import { TextField } from '../legal-area/form-field';
import { isCalendarDate } from '../legal-area/legal-dates';
import { CallError } from '../rights-tickets/call-error';
import { useTicketCall } from '../rights-tickets/use-ticket-call';

type ProcessorKind = (typeof processorKinds)[number];
type ProcessorField = 'name' | 'dataCategories' | 'purpose' | 'agreementDate' | 'reviewDate' | 'deletionContact';
type ProcessorDraft = Record<ProcessorField, string> & { kind: ProcessorKind };

const draftOf = (processor: Processor | null): ProcessorDraft => ({
  name: processor?.name ?? '',
  kind: processor?.kind ?? 'cloud',
  dataCategories: processor?.dataCategories.join('、') ?? '',
  purpose: processor?.purpose ?? '',
  agreementDate: processor?.agreementDate ?? '',
  reviewDate: processor?.reviewDate ?? '',
  deletionContact: processor?.deletionContact ?? '',
});

/** The categories a processor receives are the register's own words, one per item, listed as typed. */
const splitCategories = (text: string) => [...new Set(text.split(/[,，、;；\n]+/).map((c) => c.trim()).filter(Boolean))];

function checkProcessor(draft: ProcessorDraft): Partial<Record<ProcessorField, string>> {
  const problems: Partial<Record<ProcessorField, string>> = {};
  if (!draft.name.trim()) problems.name = 'required';
  else if (draft.name.trim().length > 100) problems.name = 'too_long';
  const categories = splitCategories(draft.dataCategories);
  if (categories.length === 0) problems.dataCategories = 'required';
  else if (categories.some((c) => c.length > 40)) problems.dataCategories = 'too_long';
  if (draft.purpose.trim().length > 500) problems.purpose = 'too_long';
  for (const field of ['agreementDate', 'reviewDate'] as const) {
    if (!draft[field]) problems[field] = 'required';
    else if (!isCalendarDate(draft[field])) problems[field] = 'invalid_date';
  }
  if (!problems.agreementDate && !problems.reviewDate && draft.reviewDate < draft.agreementDate) problems.reviewDate = 'review_before_agreement';
  if (draft.deletionContact.trim().length > 200) problems.deletionContact = 'too_long';
  return problems;
}

interface ProcessorFormProps {
  /** The processor being changed, or null for a new one. */
  processor: Processor | null;
  onSaved(): void;
  onCancel(): void;
}

/** Adds a processor to the register or changes one, against the version it was read at. */
export function ProcessorForm({ processor, onSaved, onCancel }: ProcessorFormProps) {
  const { t } = useTranslation();
  const desk = useDesk();
  const id = useId();
  const [draft, setDraft] = useState(() => draftOf(processor));
  const [checked, setChecked] = useState(false);
  const { working, error, run } = useTicketCall();
  const problems = checked ? checkProcessor(draft) : {};
  const problem = (field: ProcessorField) => (problems[field] ? t(`processors.problems.${problems[field]}`, { field: t(`processors.fields.${field}`) }) : null);
  const field = (name: Exclude<ProcessorField, 'purpose'>, type: 'text' | 'date' = 'text', maxLength?: number) => (
    <TextField id={`${id}-${name}`} type={type} maxLength={maxLength} label={t(`processors.fields.${name}`)} value={draft[name]} error={problem(name)} onChange={(value) => setDraft({ ...draft, [name]: value })} />
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (Object.keys(checkProcessor(draft)).length > 0) return;
    const fields = {
      name: draft.name.trim(),
      kind: draft.kind,
      dataCategories: splitCategories(draft.dataCategories),
      purpose: draft.purpose.trim(),
      agreementDate: draft.agreementDate,
      reviewDate: draft.reviewDate,
      deletionContact: draft.deletionContact.trim(),
    };
    if (await run(() => desk.call('legal:saveProcessor', { processorId: processor?.id ?? null, basedOnVersion: processor?.version ?? null, fields }))) onSaved();
  };

  return (
    <form className="intake-form processor-form" onSubmit={(e) => void submit(e)} noValidate data-testid="processor-form" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{processor ? t('processors.form.editHeading', { name: processor.name }) : t('processors.form.addHeading')}</h2>
      {field('name', 'text', 100)}
      <div className="intake-field">
        <label htmlFor={`${id}-kind`}>{t('processors.fields.kind')}</label>
        <select id={`${id}-kind`} value={draft.kind} onChange={(e) => setDraft({ ...draft, kind: e.target.value as ProcessorKind })}>
          {processorKinds.map((kind) => (
            <option key={kind} value={kind}>
              {t(`legal.processorKinds.${kind}`)}
            </option>
          ))}
        </select>
      </div>
      <TextField id={`${id}-categories`} label={t('processors.fields.dataCategories')} hint={t('processors.form.categoriesHint')} value={draft.dataCategories} error={problem('dataCategories')} onChange={(dataCategories) => setDraft({ ...draft, dataCategories })} />
      <TextField id={`${id}-purpose`} rows={2} maxLength={500} label={t('processors.fields.purpose')} value={draft.purpose} error={problem('purpose')} onChange={(purpose) => setDraft({ ...draft, purpose })} />
      {field('agreementDate', 'date')}
      {field('reviewDate', 'date')}
      {field('deletionContact', 'text', 200)}
      <CallError error={error} fieldsKey="processors.fields" />
      <DialogButtons
        className="decision-buttons"
        confirmTestId="save-processor"
        confirmLabel={t('processors.form.save')}
        workingLabel={t('legal.working')}
        working={working}
        cancelLabel={t('legal.cancel')}
        onCancel={onCancel}
      />
    </form>
  );
}
