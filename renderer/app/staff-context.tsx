import { createContext, useContext, type ReactNode } from 'react';
import type { StaffProfile } from '../../shared/platform/entities';
import type { Role } from '../../shared/platform/roles';

/**
 * The signed-in staff member, for the few places the interface differs by role (senior-only
 * queues, bulk actions, bans). The core and the platform enforce roles; this only hides what
 * would be refused anyway.
 */
const StaffContext = createContext<StaffProfile | null>(null);

export function StaffProvider({ staff, children }: { staff: StaffProfile; children: ReactNode }) {
  return <StaffContext.Provider value={staff}>{children}</StaffContext.Provider>;
}

export function useStaff(): StaffProfile | null {
  return useContext(StaffContext);
}

export function useHasRole(role: Role): boolean {
  return useStaff()?.roles.includes(role) ?? false;
}

/** Escalations, bulk actions, bans and appeals are a senior moderator's (PRODUCT.md). */
export const useIsSenior = () => useHasRole('senior_moderator');
