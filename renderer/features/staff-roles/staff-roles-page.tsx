import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeskError } from '../../../shared/errors';
import type { Role } from '../../../shared/platform/roles';
import { useStaff } from '../../app/staff-context';
import { asDeskError } from '../../desk/desk-call-error';
import { useDesk } from '../../desk/desk-context';
import { useDeskQuery } from '../../desk/use-desk-query';
import { useShanghaiTime } from '../../i18n/shanghai-time';
import { CallError } from '../rights-tickets/call-error';
import { RoleChangeDialog } from './role-change-dialog';

/**
 * Staff accounts with their roles and last sign-in, for the DPO who grants roles. A change
 * names the version it was based on, so one made over a colleague's newer change is refused
 * as stale; the DPO's own account is not theirs to change (the platform refuses it too).
 */
export function StaffRolesPage() {
  const { t } = useTranslation();
  const desk = useDesk();
  const me = useStaff();
  const formatTime = useShanghaiTime();
  const list = useDeskQuery('staff:list', {});
  const [editingId, setEditingId] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<DeskError | null>(null);
  const [changed, setChanged] = useState<string | null>(null);
  const [working, setWorking] = useState(false);
  const staff = list.data?.staff ?? [];
  const editing = staff.find((member) => member.id === editingId) ?? null;
  const separator = t('header.roleSeparator');

  const open = (staffId: string) => {
    setEditingId(staffId);
    setRefusal(null);
    setChanged(null);
  };

  const save = async (change: { roles: Role[]; reason: string }) => {
    if (!editing) return;
    setWorking(true);
    setRefusal(null);
    try {
      const answer = await desk.call('staff:changeRoles', { staffId: editing.id, ...change, basedOnVersion: editing.version });
      setEditingId(null);
      setChanged(answer.staff.displayName);
      list.refetch();
    } catch (error) {
      const refused = asDeskError(error);
      setRefusal(refused);
      // Refused as stale because someone else changed the roles meanwhile: show what they are now.
      if (refused.code === 'stale_version') list.refetch();
    } finally {
      setWorking(false);
    }
  };

  return (
    <section className="staff-roles" aria-labelledby="staff-roles-heading" data-testid="staff-roles">
      <h1 id="staff-roles-heading">{t('staffRoles.heading')}</h1>
      <p className="muted">{t('staffRoles.explain')}</p>
      {changed && (
        <p role="status" data-testid="role-change-done">
          {t('staffRoles.changed', { name: changed })}
        </p>
      )}
      <CallError error={list.error} />
      <table className="audit-table" data-testid="staff-table" aria-label={t('staffRoles.tableLabel')}>
        <thead>
          <tr>
            {(['name', 'username', 'roles', 'lastSignIn', 'actions'] as const).map((column) => (
              <th key={column} scope="col">
                {t(`staffRoles.columns.${column}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {staff.map((member) => {
            const own = member.id === me?.id;
            return (
              <tr key={member.id} data-testid="staff-row" data-staff-id={member.id}>
                <td>{member.displayName}</td>
                <td>
                  <code>{member.username}</code>
                </td>
                <td>{member.roles.map((role) => t(`roles.${role}`)).join(separator)}</td>
                <td>{member.lastSignInAt ? formatTime(member.lastSignInAt) : <span className="muted">{t('staffRoles.neverSignedIn')}</span>}</td>
                <td>
                  {own ? (
                    <span className="muted" data-testid="own-account-note">
                      {t('staffRoles.ownAccount')}
                    </span>
                  ) : (
                    <button
                      type="button"
                      data-testid="role-change-open"
                      aria-label={t('staffRoles.editLabel', { name: member.displayName })}
                      onClick={() => open(member.id)}
                    >
                      {t('staffRoles.edit')}
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {editing && (
        <RoleChangeDialog
          key={editing.version}
          member={editing}
          working={working}
          refusal={refusal}
          onSubmit={(change) => void save(change)}
          onClose={() => setEditingId(null)}
        />
      )}
    </section>
  );
}
