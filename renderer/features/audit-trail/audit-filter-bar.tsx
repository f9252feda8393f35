import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffMember } from '../../../shared/ipc/governance-views';
import { useAuditActionLabel, knownAuditActions } from './audit-actions';
import { auditFilterProblem, initialAuditFilters, type AuditFilters } from './audit-filters';

interface AuditFilterBarProps {
  filters: AuditFilters;
  staff: readonly StaffMember[];
  onApply(filters: AuditFilters): void;
}

/**
 * Staff, action, subject and a Guangzhou time range. The query is sent when the DPO applies the
 * filter, not at every keystroke; the action is free text with the known actions suggested.
 */
export function AuditFilterBar({ filters, staff, onApply }: AuditFilterBarProps) {
  const { t } = useTranslation();
  const id = useId();
  const actionLabel = useAuditActionLabel();
  const [draft, setDraft] = useState(filters);
  const [problem, setProblem] = useState<'range_reversed' | null>(null);
  const set = (patch: Partial<AuditFilters>) => setDraft((d) => ({ ...d, ...patch }));

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const found = auditFilterProblem(draft);
    setProblem(found);
    if (!found) onApply(draft);
  };
  const clear = () => {
    setDraft(initialAuditFilters);
    setProblem(null);
    onApply(initialAuditFilters);
  };

  return (
    <form className="audit-filters" data-testid="audit-filters" aria-label={t('audit.filters.label')} onSubmit={apply} noValidate>
      <label>
        {t('audit.filters.staff')}
        <select value={draft.staffId} data-testid="audit-filter-staff" onChange={(e) => set({ staffId: e.target.value })}>
          <option value="">{t('audit.filters.anyStaff')}</option>
          {staff.map((member) => (
            <option key={member.id} value={member.id}>
              {t('audit.filters.staffOption', { name: member.displayName, username: member.username })}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('audit.filters.action')}
        <input list={`${id}-actions`} value={draft.action} maxLength={64} data-testid="audit-filter-action" onChange={(e) => set({ action: e.target.value })} />
      </label>
      <datalist id={`${id}-actions`}>
        {knownAuditActions.map((action) => (
          <option key={action} value={action}>
            {actionLabel(action).label}
          </option>
        ))}
      </datalist>
      <label>
        {t('audit.filters.subject')}
        <input value={draft.subject} maxLength={128} placeholder={t('audit.filters.subjectHint')} data-testid="audit-filter-subject" onChange={(e) => set({ subject: e.target.value })} />
      </label>
      <label>
        {t('audit.filters.from')}
        <input type="datetime-local" value={draft.from} data-testid="audit-filter-from" onChange={(e) => set({ from: e.target.value })} aria-invalid={problem !== null} />
      </label>
      <label>
        {t('audit.filters.to')}
        <input type="datetime-local" value={draft.to} data-testid="audit-filter-to" onChange={(e) => set({ to: e.target.value })} aria-invalid={problem !== null} />
      </label>
      <button type="submit" className="primary" data-testid="audit-filter-apply">
        {t('audit.filters.apply')}
      </button>
      <button type="button" onClick={clear}>
        {t('audit.filters.clear')}
      </button>
      <span className="muted">{t('audit.filters.timeZone')}</span>
      {problem && (
        <p className="error" role="alert">
          {t(`audit.filters.problems.${problem}`)}
        </p>
      )}
    </form>
  );
}
