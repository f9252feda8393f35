import { useTranslation } from 'react-i18next';
import { FieldError, TextField } from '../legal-area/form-field';
import type { ApprovalDraft } from './disclosure-draft';

interface ForeignApprovalFieldsProps {
  id: string;
  approval: ApprovalDraft;
  onChange(changed: Partial<ApprovalDraft>): void;
  error: string | null;
}

/** A foreign authority: why the request is blocked, and the approval that lifts the block. */
export function ForeignApprovalFields({ id, approval, onChange, error }: ForeignApprovalFieldsProps) {
  const { t } = useTranslation();
  const blocked = Boolean(error);
  return (
    <div className="notice foreign-block" data-testid="foreign-block">
      <p>
        <strong>{t('disclosures.foreign.title')}</strong>
      </p>
      <p>{t('disclosures.foreign.explain')}</p>
      <TextField id={`${id}-approval-authority`} label={t('disclosures.form.fields.approvalAuthority')} maxLength={100} value={approval.approvalAuthority} invalid={blocked && !approval.approvalAuthority.trim()} onChange={(approvalAuthority) => onChange({ approvalAuthority })} />
      <TextField id={`${id}-approval-document`} label={t('disclosures.form.fields.approvalDocument')} maxLength={100} value={approval.approvalDocument} invalid={blocked && !approval.approvalDocument.trim()} onChange={(approvalDocument) => onChange({ approvalDocument })} />
      <TextField id={`${id}-approved-on`} type="date" label={t('disclosures.form.fields.approvedOn')} value={approval.approvedOn} invalid={blocked && !approval.approvedOn} onChange={(approvedOn) => onChange({ approvedOn })} />
      <FieldError id={`${id}-foreign`} error={error} />
    </div>
  );
}
