import { z } from 'zod';
import { endpoint, needs } from './endpoint';
import { EntityId as Id } from './fields';
import { Role } from './roles';

/** A staff account as the DPO manages it: who, which roles, and when they last signed in. */
export const StaffMember = z.object({
  id: Id,
  username: z.string(),
  displayName: z.string(),
  roles: z.array(Role).min(1),
  lastSignInAt: z.iso.datetime().nullable(),
  version: z.number().int().positive(),
});
export type StaffMember = z.infer<typeof StaffMember>;

export const listStaff = endpoint({
  method: 'GET',
  path: '/v1/staff',
  summary: 'Every staff account with its roles, for the DPO who grants them',
  access: needs('staff:manage'),
  output: z.object({ staff: z.array(StaffMember) }),
  errors: [],
});

export const changeStaffRoles = endpoint({
  method: 'POST',
  path: '/v1/staff/{staffId}/roles',
  summary: "Replace a staff member's roles, with a reason; audited, and refused for the DPO's own account",
  access: needs('staff:manage'),
  params: z.object({ staffId: Id }),
  body: z.object({
    roles: z.array(Role).min(1).max(5),
    reason: z.string().trim().min(4, 'a role change needs a reason of at least 4 characters').max(500),
    basedOnVersion: z.number().int().positive(),
  }),
  output: z.object({ staff: StaffMember }),
  errors: ['not_found', 'stale_version'],
});
