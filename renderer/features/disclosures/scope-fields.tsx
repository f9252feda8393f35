import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { disclosureCategories, type DisclosureCategory } from '../../../shared/legal/disclosure-rules';
import { FieldError, TextField } from '../legal-area/form-field';
import { toggleCategory, type ScopeDraft, type ScopePart } from './scope-draft';

interface ScopeFieldsProps {
  id: string;
  /** Which scope: what the document asks for, or what counsel proposes to hand over. */
  kind: 'requested' | 'disclosed';
  draft: ScopeDraft;
  onChange(draft: ScopeDraft): void;
  errors: Partial<Record<ScopePart, string | null>>;
  /** Categories the request did not ask for, marked on their boxes as they are ticked. */
  beyond?: readonly DisclosureCategory[];
  children?: ReactNode;
}

/** A scope: the accounts by platform user id, the categories of data, and the dates the data covers. */
export function ScopeFields({ id, kind, draft, onChange, errors, beyond = [], children }: ScopeFieldsProps) {
  const { t } = useTranslation();
  const field = (part: 'Accounts' | 'Categories' | 'Dates') => t(`disclosures.form.fields.${kind}${part}`);
  return (
    <fieldset className="intake-group scope-fields" data-testid={`scope-${kind}`}>
      <legend>{t(`disclosures.scope.${kind}`)}</legend>
      {children}
      <TextField
        id={`${id}-accounts`}
        label={field('Accounts')}
        value={draft.userIds}
        placeholder={t('disclosures.scope.accountsPlaceholder')}
        error={errors.accounts}
        onChange={(userIds) => onChange({ ...draft, userIds })}
      />
      <fieldset className="radio-row" aria-describedby={errors.categories ? `${id}-categories-error` : undefined}>
        <legend>{field('Categories')}</legend>
        {disclosureCategories.map((category) => (
          <label key={category} className={beyond.includes(category) ? 'over-scope' : undefined}>
            <input
              type="checkbox"
              checked={draft.categories.includes(category)}
              aria-invalid={Boolean(errors.categories)}
              onChange={(e) => onChange({ ...draft, categories: toggleCategory(draft.categories, category, e.target.checked) })}
            />
            {t(`legal.categories.${category}`)}
            {beyond.includes(category) && <span className="over-mark">{t('disclosures.over.mark')}</span>}
          </label>
        ))}
      </fieldset>
      <FieldError id={`${id}-categories`} error={errors.categories} />
      <fieldset className="radio-row date-range" aria-describedby={errors.dates ? `${id}-dates-error` : undefined}>
        <legend>{field('Dates')}</legend>
        <label>
          {t('disclosures.scope.from')}
          <input type="date" value={draft.from} aria-invalid={Boolean(errors.dates)} onChange={(e) => onChange({ ...draft, from: e.target.value })} />
        </label>
        <label>
          {t('disclosures.scope.to')}
          <input type="date" value={draft.to} aria-invalid={Boolean(errors.dates)} onChange={(e) => onChange({ ...draft, to: e.target.value })} />
        </label>
      </fieldset>
      <FieldError id={`${id}-dates`} error={errors.dates} />
    </fieldset>
  );
}
