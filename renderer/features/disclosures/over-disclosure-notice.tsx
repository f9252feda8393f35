import { useTranslation } from 'react-i18next';
import type { OverDisclosure } from '../../../shared/legal/disclosure-rules';
import { TextField } from '../legal-area/form-field';

interface OverDisclosureNoticeProps {
  id: string;
  over: OverDisclosure;
  requested: { from: string; to: string };
  disclosed: { from: string; to: string };
  justification: string;
  onJustification(text: string): void;
  error: string | null;
}

/**
 * Raised as soon as the proposed disclosure goes beyond the document: which accounts, which
 * categories, which dates; and the written reason without which the entry cannot be saved.
 */
export function OverDisclosureNotice({ id, over, requested, disclosed, justification, onJustification, error }: OverDisclosureNoticeProps) {
  const { t } = useTranslation();
  const separator = t('legal.listSeparator');
  return (
    <div className="notice over-disclosure" role="status" data-testid="over-disclosure">
      <p>
        <strong>{t('disclosures.over.title')}</strong>
      </p>
      <ul data-testid="over-disclosure-items">
        {over.userIds.length > 0 && <li>{t('disclosures.over.accounts', { ids: over.userIds.join(separator) })}</li>}
        {over.categories.length > 0 && <li>{t('disclosures.over.categories', { categories: over.categories.map((c) => t(`legal.categories.${c}`)).join(separator) })}</li>}
        {over.outsideDates && <li>{t('disclosures.over.dates', { requested: `${requested.from} – ${requested.to}`, disclosed: `${disclosed.from} – ${disclosed.to}` })}</li>}
      </ul>
      <p>{t('disclosures.over.explain')}</p>
      <TextField id={`${id}-justification`} label={t('disclosures.form.fields.justification')} rows={3} maxLength={4000} value={justification} error={error} onChange={onJustification} testId="justification" />
    </div>
  );
}
