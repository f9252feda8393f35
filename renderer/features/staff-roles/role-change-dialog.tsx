import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeskError } from '../../../shared/errors';
import type { StaffMember } from '../../../shared/ipc/governance-views';
import { roles, type Role } from '../../../shared/platform/roles';
import { DialogButtons } from '../dialog/dialog-buttons';
import { ModalDialog } from '../dialog/modal-dialog';
import { CallError } from '../rights-tickets/call-error';

/** The platform refuses a role change whose reason is shorter than this. */
export const MIN_REASON_LENGTH = 4;

type Problem = 'no_role' | 'unchanged' | 'no_reason';

interface RoleChangeDialogProps {
  member: StaffMember;
  working: boolean;
  /** A refusal from the core, shown above the form (the form itself was reset if it was stale). */
  refusal: DeskError | null;
  onSubmit(change: { roles: Role[]; reason: string }): void;
  onClose(): void;
}

/** Roles as checkboxes and the reason the trail will carry; nothing is sent unless something changes. */
export function RoleChangeDialog({ member, working, refusal, onSubmit, onClose }: RoleChangeDialogProps) {
  const { t } = useTranslation();
  const id = useId();
  const [chosen, setChosen] = useState<ReadonlySet<Role>>(new Set(member.roles));
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);

  const toggle = (role: Role) =>
    setChosen((current) => {
      const next = new Set(current);
      if (next.has(role)) next.delete(role);
      else next.add(role);
      return next;
    });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // In the contract's order, so the same set always reads the same in the trail.
    const next = roles.filter((role) => chosen.has(role));
    const same = next.length === member.roles.length && next.every((role) => member.roles.includes(role));
    const found: Problem | null = next.length === 0 ? 'no_role' : same ? 'unchanged' : reason.trim().length < MIN_REASON_LENGTH ? 'no_reason' : null;
    setProblem(found);
    if (!found) onSubmit({ roles: next, reason: reason.trim() });
  };

  return (
    <ModalDialog title={t('staffRoles.dialogTitle', { name: member.displayName })} onClose={onClose} testId="role-change-dialog">
      <form onSubmit={submit} noValidate>
        {refusal?.code === 'stale_version' ? (
          <p className="error" role="alert" data-testid="role-change-refusal">
            {t('staffRoles.stale')}
          </p>
        ) : (
          <CallError error={refusal} fieldsKey="staffRoles.fields" />
        )}
        <fieldset data-testid="role-checkboxes" aria-invalid={problem === 'no_role' || problem === 'unchanged'}>
          <legend>{t('staffRoles.fields.roles')}</legend>
          {roles.map((role) => (
            <label key={role}>
              <input type="checkbox" checked={chosen.has(role)} onChange={() => toggle(role)} />
              {t(`roles.${role}`)}
            </label>
          ))}
        </fieldset>
        <label htmlFor={`${id}-reason`}>{t('staffRoles.fields.reason')}</label>
        <textarea
          id={`${id}-reason`}
          data-testid="role-change-reason"
          value={reason}
          rows={2}
          maxLength={500}
          required
          aria-invalid={problem === 'no_reason'}
          onChange={(e) => setReason(e.target.value)}
        />
        {problem && (
          <p className="error" role="alert">
            {t(`staffRoles.problems.${problem}`, { min: MIN_REASON_LENGTH })}
          </p>
        )}
        <DialogButtons confirmTestId="role-change-save" confirmLabel={t('staffRoles.save')} working={working} cancelLabel={t('staffRoles.cancel')} onCancel={onClose} />
      </form>
    </ModalDialog>
  );
}
