import { useTranslation } from 'react-i18next';
import { authorityTypes, requestChannels, type AuthorityType } from '../../../shared/legal/disclosure-rules';
import { FieldError, TextField } from '../legal-area/form-field';
import type { DraftSection, RequestChannel } from './disclosure-draft';
import { ForeignApprovalFields } from './foreign-approval-fields';
import { OfficerRows } from './officer-rows';

/** Who asked and how: when and by which channel it came, the authority, its officers and how their identity was checked. */
export function AuthorityFields({ id, draft, update, error }: DraftSection) {
  const { t } = useTranslation();
  return (
    <>
      <fieldset className="intake-group">
        <legend>{t('disclosures.form.sections.received')}</legend>
        <TextField id={`${id}-received`} type="datetime-local" label={t('disclosures.form.fields.receivedAt')} hint={t('disclosures.form.shanghaiTime')} value={draft.receivedAt} error={error('receivedAt')} onChange={(receivedAt) => update({ receivedAt })} />
        <div className="intake-field">
          <label htmlFor={`${id}-channel`}>{t('disclosures.form.fields.channel')}</label>
          <select id={`${id}-channel`} value={draft.channel} onChange={(e) => update({ channel: e.target.value as RequestChannel })}>
            {requestChannels.map((channel) => (
              <option key={channel} value={channel}>
                {t(`legal.channels.${channel}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="intake-field">
          <label htmlFor={`${id}-authority-type`}>{t('disclosures.form.fields.authorityType')}</label>
          <select id={`${id}-authority-type`} value={draft.authorityType} aria-invalid={Boolean(error('authorityType'))} aria-describedby={error('authorityType') ? `${id}-authority-type-error` : undefined} onChange={(e) => update({ authorityType: e.target.value as AuthorityType | '' })}>
            <option value="">{t('disclosures.form.choose')}</option>
            {authorityTypes.map((type) => (
              <option key={type} value={type}>
                {t(`legal.authorityTypes.${type}`)}
              </option>
            ))}
          </select>
          <FieldError id={`${id}-authority-type`} error={error('authorityType')} />
        </div>
        <TextField id={`${id}-authority-name`} label={t('disclosures.form.fields.authorityName')} placeholder={t('disclosures.form.placeholder.authorityName')} maxLength={100} value={draft.authorityName} error={error('authorityName')} onChange={(authorityName) => update({ authorityName })} />
        <fieldset className="radio-row">
          <legend>{t('disclosures.form.fields.jurisdiction')}</legend>
          {([true, false] as const).map((domestic) => (
            <label key={String(domestic)}>
              <input type="radio" name={`${id}-domestic`} checked={draft.domestic === domestic} onChange={() => update({ domestic })} />
              {t(domestic ? 'disclosures.form.domestic' : 'disclosures.form.foreign')}
            </label>
          ))}
        </fieldset>
        {!draft.domestic && <ForeignApprovalFields id={id} approval={draft} onChange={update} error={error('foreignApproval')} />}
      </fieldset>
      <OfficerRows id={id} officers={draft.officers} error={error('officers')} onChange={(officers) => update({ officers })} />
      <fieldset className="intake-group">
        <legend>{t('disclosures.form.sections.identity')}</legend>
        <TextField id={`${id}-call-back`} type="tel" label={t('disclosures.form.fields.callBackNumber')} hint={t('disclosures.form.callBackHint')} maxLength={30} value={draft.callBackNumber} error={error('callBackNumber')} onChange={(callBackNumber) => update({ callBackNumber })} />
        <TextField id={`${id}-identity-note`} rows={2} label={t('disclosures.form.fields.identityNote')} maxLength={500} value={draft.identityNote} onChange={(identityNote) => update({ identityNote })} />
      </fieldset>
    </>
  );
}
