import type { Role } from '../../shared/platform/roles';

const moderators = ['moderator', 'senior_moderator'] as const satisfies readonly Role[];

/** The console's work areas and who works in each; a staff member with several roles sees each. */
export const areas = [
  { id: 'moderation', roles: moderators },
  { id: 'duplicates', roles: moderators },
  { id: 'dashboard', roles: moderators },
  { id: 'rights_requests', roles: ['cs_agent'] },
  { id: 'disclosures', roles: ['legal'] },
  { id: 'audit', roles: ['dpo'] },
] as const satisfies readonly { id: string; roles: readonly Role[] }[];

export type AreaId = (typeof areas)[number]['id'];

/** Areas with a page of their own; the rest show a placeholder until their release. */
export type BuiltArea = 'moderation' | 'duplicates' | 'dashboard';
export const isBuilt = (area: AreaId): area is BuiltArea => area === 'moderation' || area === 'duplicates' || area === 'dashboard';

export function areasFor(staffRoles: readonly Role[]): AreaId[] {
  return areas.filter((area) => area.roles.some((role) => staffRoles.includes(role))).map((area) => area.id);
}
