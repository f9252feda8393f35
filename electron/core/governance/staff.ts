import type { StaffMember } from '../../../shared/platform/staff';
import type { HandlerTable } from '../handlers';
import type { AccountWorkspace } from '../session/account-workspace';

/**
 * Staff names for the audit list, fetched from the platform (staff accounts are not part of the
 * cache) and kept per workspace; an id the map does not know refetches it once, so a colleague
 * added today gets a name, and a name changed today shows after the next miss or role change.
 */
export class StaffDirectory {
  private readonly names = new WeakMap<AccountWorkspace, Map<string, string>>();

  async namesFor(ws: AccountWorkspace, ids: Iterable<string | null>): Promise<Map<string, string>> {
    let names = this.names.get(ws);
    const wanted = [...ids].filter((id): id is string => id !== null);
    if (!names || wanted.some((id) => !names!.has(id))) {
      const { staff } = await ws.client.call('listStaff', {});
      names = this.remember(ws, staff);
    }
    return names;
  }

  remember(ws: AccountWorkspace, staff: readonly StaffMember[]): Map<string, string> {
    const names = new Map(staff.map((s) => [s.id, s.displayName]));
    this.names.set(ws, names);
    return names;
  }

  forget(ws: AccountWorkspace): void {
    this.names.delete(ws);
  }
}

export function staffHandlers(workspace: () => AccountWorkspace, directory: StaffDirectory): Pick<HandlerTable, 'staff:list' | 'staff:changeRoles'> {
  return {
    'staff:list': async () => {
      const ws = workspace();
      const { staff } = await ws.client.call('listStaff', {});
      directory.remember(ws, staff);
      return { staff };
    },
    'staff:changeRoles': async ({ staffId, ...body }) => {
      const ws = workspace();
      const answer = await ws.client.call('changeStaffRoles', { params: { staffId }, body });
      directory.forget(ws);
      return answer;
    },
  };
}
