import { useTranslation } from 'react-i18next';
import { instrumentTypes } from '../../../shared/legal/disclosure-rules';
import { FieldError, TextField } from '../legal-area/form-field';
import type { DraftSection, InstrumentType } from './disclosure-draft';
import { RegisterFilePicker } from './register-file-picker';

/** The legal instrument: what kind of document, its number, who signed it, the case, the statute, its flags and its scan. */
export function InstrumentFields({ id, draft, update, error }: DraftSection) {
  const { t } = useTranslation();
  const field = (name: string) => t(`disclosures.form.fields.${name}`);
  return (
    <fieldset className="intake-group">
      <legend>{t('disclosures.form.sections.instrument')}</legend>
      <div className="intake-field">
        <label htmlFor={`${id}-instrument`}>{field('instrumentType')}</label>
        <select id={`${id}-instrument`} value={draft.instrumentType} aria-invalid={Boolean(error('instrumentType'))} aria-describedby={error('instrumentType') ? `${id}-instrument-error` : undefined} onChange={(e) => update({ instrumentType: e.target.value as InstrumentType | '' })}>
          <option value="">{t('disclosures.form.choose')}</option>
          {instrumentTypes.map((type) => (
            <option key={type} value={type}>
              {t(`legal.instrumentTypes.${type}`)}
            </option>
          ))}
        </select>
        <FieldError id={`${id}-instrument`} error={error('instrumentType')} />
      </div>
      <TextField id={`${id}-document`} label={field('documentNumber')} placeholder={t('disclosures.form.placeholder.documentNumber')} maxLength={100} value={draft.documentNumber} error={error('documentNumber')} onChange={(documentNumber) => update({ documentNumber })} />
      <TextField id={`${id}-official`} label={field('approvingOfficial')} maxLength={60} value={draft.approvingOfficial} error={error('approvingOfficial')} onChange={(approvingOfficial) => update({ approvingOfficial })} />
      <TextField id={`${id}-cause`} label={field('caseCause')} maxLength={200} value={draft.caseCause} error={error('caseCause')} onChange={(caseCause) => update({ caseCause })} />
      <TextField id={`${id}-statute`} label={field('statute')} placeholder={t('disclosures.form.placeholder.statute')} maxLength={200} value={draft.statute} error={error('statute')} onChange={(statute) => update({ statute })} />
      <label className="check-row">
        <input type="checkbox" checked={draft.emergency} onChange={(e) => update({ emergency: e.target.checked })} />
        {field('emergency')}
      </label>
      <label className="check-row">
        <input type="checkbox" checked={draft.noNotify} onChange={(e) => update({ noNotify: e.target.checked })} />
        {field('noNotify')}
      </label>
      {draft.noNotify && (
        <TextField id={`${id}-no-notify-until`} type="date" label={field('noNotifyUntil')} hint={t('disclosures.form.noNotifyHint')} value={draft.noNotifyUntil} error={error('noNotifyUntil')} onChange={(noNotifyUntil) => update({ noNotifyUntil })} />
      )}
      <RegisterFilePicker id={`${id}-scan`} label={field('scan')} testId="scan-input" maxFiles={1} files={draft.scan ? [draft.scan] : []} error={error('scan')} onChange={(files) => update({ scan: files[0] ?? null })} />
    </fieldset>
  );
}
