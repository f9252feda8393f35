import type { Role } from '../../shared/platform/roles';

const moderators = ['moderator', 'senior_moderator'] as const satisfies readonly Role[];

/** The console's work areas and who works in each; a staff member with several roles sees each. */
export const areas = [
  { id: 'moderation', roles: moderators },
  { id: 'duplicates', roles: moderators },
  { id: 'dashboard', roles: moderators },
  // Customer service works rights tickets; legal (who reviews refusals) and the DPO read them.
  { id: 'rights_requests', roles: ['cs_agent', 'legal', 'dpo'] },
  { id: 'disclosures', roles: ['legal'] },
  { id: 'audit', roles: ['dpo'] },
] as const satisfies readonly { id: string; roles: readonly Role[] }[];

export type AreaId = (typeof areas)[number]['id'];

/** Areas with a page of their own; the rest show a placeholder until their release. */
const builtAreas = ['moderation', 'duplicates', 'dashboard', 'rights_requests'] as const satisfies readonly AreaId[];
export type BuiltArea = (typeof builtAreas)[number];
export const isBuilt = (area: AreaId): area is BuiltArea => (builtAreas as readonly AreaId[]).includes(area);

export function areasFor(staffRoles: readonly Role[]): AreaId[] {
  return areas.filter((area) => area.roles.some((role) => staffRoles.includes(role))).map((area) => area.id);
}
