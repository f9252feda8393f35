import { useTranslation } from 'react-i18next';
import { FieldError, TextField } from '../legal-area/form-field';
import type { OfficerDraft } from './disclosure-draft';

/** The contract takes at most five officers on one request. */
const MAX_OFFICERS = 5;

interface OfficerRowsProps {
  id: string;
  officers: OfficerDraft[];
  onChange(officers: OfficerDraft[]): void;
  error: string | null;
}

/** The officers who served the document, each by name and badge number; at least one, rows added and removed. */
export function OfficerRows({ id, officers, onChange, error }: OfficerRowsProps) {
  const { t } = useTranslation();
  const set = (index: number, changed: Partial<OfficerDraft>) => onChange(officers.map((o, i) => (i === index ? { ...o, ...changed } : o)));
  return (
    <fieldset className="intake-group" aria-describedby={error ? `${id}-officers-error` : undefined}>
      <legend>{t('disclosures.form.fields.officers')}</legend>
      {officers.map((officer, index) => (
        <div className="officer-row" key={index} data-testid="officer-row">
          <TextField id={`${id}-officer-${index}-name`} label={t('disclosures.form.officerName', { n: index + 1 })} maxLength={40} value={officer.name} invalid={Boolean(error) && !officer.name.trim()} onChange={(name) => set(index, { name })} />
          <TextField id={`${id}-officer-${index}-badge`} label={t('disclosures.form.officerBadge', { n: index + 1 })} maxLength={40} value={officer.badgeNumber} invalid={Boolean(error) && !officer.badgeNumber.trim()} onChange={(badgeNumber) => set(index, { badgeNumber })} />
          <button type="button" disabled={officers.length === 1} aria-label={t('disclosures.form.removeOfficer', { n: index + 1 })} onClick={() => onChange(officers.filter((_, i) => i !== index))}>
            {t('disclosures.form.remove')}
          </button>
        </div>
      ))}
      <div>
        <button type="button" disabled={officers.length >= MAX_OFFICERS} onClick={() => onChange([...officers, { name: '', badgeNumber: '' }])}>
          {t('disclosures.form.addOfficer')}
        </button>
      </div>
      <FieldError id={`${id}-officers`} error={error} />
    </fieldset>
  );
}
