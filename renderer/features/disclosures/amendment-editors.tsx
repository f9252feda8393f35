import { useTranslation } from 'react-i18next';
import { authorityTypes, instrumentTypes, requestChannels } from '../../../shared/legal/disclosure-rules';
import { TextField } from '../legal-area/form-field';
import type { AmendableField, AmendmentField, AmendmentValues } from './amendment-draft';
import { ForeignApprovalFields } from './foreign-approval-fields';
import { OfficerRows } from './officer-rows';
import { ScopeFields } from './scope-fields';

interface AmendmentEditorProps {
  id: string;
  field: AmendableField;
  values: AmendmentValues;
  onChange(changed: Partial<AmendmentValues>): void;
  error(field: AmendmentField): string | null;
}

const selectOptions = {
  channel: { codes: requestChannels, group: 'legal.channels' },
  authorityType: { codes: authorityTypes, group: 'legal.authorityTypes' },
  instrumentType: { codes: instrumentTypes, group: 'legal.instrumentTypes' },
} as const;

/** The editor for one field being corrected, starting from its value as the entry stands. */
export function AmendmentEditor({ id, field, values, onChange, error }: AmendmentEditorProps) {
  const { t } = useTranslation();
  const label = t(`disclosures.facts.${field}`);
  const editorId = `${id}-${field}`;
  switch (field) {
    case 'receivedAt':
      return <TextField id={editorId} type="datetime-local" label={label} hint={t('disclosures.form.shanghaiTime')} value={values.receivedAt} error={error(field)} onChange={(receivedAt) => onChange({ receivedAt })} />;
    case 'authorityName': case 'documentNumber': case 'approvingOfficial': case 'caseCause': case 'statute':
      return <TextField id={editorId} label={label} value={values[field]} error={error(field)} onChange={(text) => onChange({ [field]: text })} />;
    case 'channel': case 'authorityType': case 'instrumentType': {
      const { codes, group } = selectOptions[field];
      return (
        <div className="intake-field">
          <label htmlFor={editorId}>{label}</label>
          <select id={editorId} value={values[field]} onChange={(e) => onChange({ [field]: e.target.value })}>
            {codes.map((code) => (
              <option key={code} value={code}>
                {t(`${group}.${code}`)}
              </option>
            ))}
          </select>
        </div>
      );
    }
    case 'foreignApproval':
      return <ForeignApprovalFields id={editorId} approval={values} error={error(field)} onChange={onChange} />;
    case 'officers':
      return <OfficerRows id={editorId} officers={values.officers} error={error(field)} onChange={(officers) => onChange({ officers })} />;
    case 'identityCheck':
      return (
        <fieldset className="intake-group">
          <legend>{label}</legend>
          <TextField id={`${editorId}-number`} type="tel" label={t('disclosures.form.fields.callBackNumber')} maxLength={30} value={values.callBackNumber} error={error('callBackNumber')} onChange={(callBackNumber) => onChange({ callBackNumber })} />
          <TextField id={`${editorId}-note`} rows={2} label={t('disclosures.form.fields.identityNote')} maxLength={500} value={values.identityNote} error={error(field)} onChange={(identityNote) => onChange({ identityNote })} />
        </fieldset>
      );
    case 'emergency':
      return (
        <label className="check-row">
          <input type="checkbox" checked={values.emergency} onChange={(e) => onChange({ emergency: e.target.checked })} />
          {label}
        </label>
      );
    case 'noNotify':
      return (
        <div className="intake-field">
          <label className="check-row">
            <input type="checkbox" checked={values.noNotify} onChange={(e) => onChange({ noNotify: e.target.checked })} />
            {label}
          </label>
          {values.noNotify && <TextField id={`${editorId}-until`} type="date" label={t('disclosures.form.fields.noNotifyUntil')} value={values.noNotifyUntil} error={error('noNotify')} onChange={(noNotifyUntil) => onChange({ noNotifyUntil })} />}
        </div>
      );
    case 'scopeRequested':
      return (
        <ScopeFields
          id={editorId}
          kind="requested"
          draft={values.scopeRequested}
          errors={{ accounts: error('requestedAccounts'), categories: error('requestedCategories'), dates: error('requestedDates') }}
          onChange={(scopeRequested) => onChange({ scopeRequested })}
        />
      );
  }
}
