import type { Role } from '../../shared/platform/roles';

/** The console's work areas and who works in each; a staff member with several roles sees each. */
export const areas = [
  { id: 'moderation', roles: ['moderator', 'senior_moderator'] },
  { id: 'rights_requests', roles: ['cs_agent'] },
  { id: 'disclosures', roles: ['legal'] },
  { id: 'audit', roles: ['dpo'] },
] as const satisfies readonly { id: string; roles: readonly Role[] }[];

export type AreaId = (typeof areas)[number]['id'];

export function areasFor(staffRoles: readonly Role[]): AreaId[] {
  return areas.filter((area) => area.roles.some((role) => staffRoles.includes(role))).map((area) => area.id);
}
