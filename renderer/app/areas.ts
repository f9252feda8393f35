import type { Role } from '../../shared/platform/roles';

const moderators = ['moderator', 'senior_moderator'] as const satisfies readonly Role[];

/** The console's work areas and who works in each; a staff member with several roles sees each. */
export const areas = [
  { id: 'moderation', roles: moderators },
  { id: 'duplicates', roles: moderators },
  { id: 'dashboard', roles: moderators },
  // Customer service works rights tickets; legal (who reviews refusals) and the DPO read them.
  { id: 'rights_requests', roles: ['cs_agent', 'legal', 'dpo'] },
  // Legal staff keep the disclosure register, holds and processors; the DPO reads them.
  { id: 'disclosures', roles: ['legal', 'dpo'] },
  // The DPO reads the audit trail and grants staff roles (a tab of the same area).
  { id: 'audit', roles: ['dpo'] },
] as const satisfies readonly { id: string; roles: readonly Role[] }[];

export type AreaId = (typeof areas)[number]['id'];

/** Areas with a page of their own; the rest show a placeholder until their release. */
const builtAreas = ['moderation', 'duplicates', 'dashboard', 'rights_requests', 'disclosures', 'audit'] as const satisfies readonly AreaId[];
export type BuiltArea = (typeof builtAreas)[number];
export const isBuilt = (area: AreaId): area is BuiltArea => (builtAreas as readonly AreaId[]).includes(area);

/**
 * Where each role starts the day: its own work, not a colleague's it only reads. Legal staff
 * also read rights tickets, but open the console to the register.
 */
const homeOfRole: Record<Role, AreaId> = {
  moderator: 'moderation',
  senior_moderator: 'moderation',
  cs_agent: 'rights_requests',
  legal: 'disclosures',
  dpo: 'rights_requests',
};

/** The area a staff member lands on: their first role's home, else the first area they may open. */
export function homeArea(staffRoles: readonly Role[]): AreaId | undefined {
  const available = areasFor(staffRoles);
  const home = staffRoles.map((role) => homeOfRole[role]).find((area) => available.includes(area));
  return home ?? available[0];
}

export function areasFor(staffRoles: readonly Role[]): AreaId[] {
  return areas.filter((area) => area.roles.some((role) => staffRoles.includes(role))).map((area) => area.id);
}
