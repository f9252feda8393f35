import { z } from 'zod';

export const roles = ['moderator', 'senior_moderator', 'cs_agent', 'legal', 'dpo'] as const;
export const Role = z.enum(roles);
export type Role = z.infer<typeof Role>;

export const scopes = [
  'changes:read',
  'listings:read',
  'users:read',
  'reports:read',
  'moderation:claim',
  'moderation:decide',
  'moderation:escalated',
  'moderation:bulk',
  'appeals:decide',
  'accounts:act',
  'accounts:ban',
  'pii:reveal',
  'audit:read',
  'rights:read',
  'rights:write',
  'retention:read',
  'retention:sweep',
  'legal:read',
  'legal:write',
  'staff:manage',
] as const;
export const Scope = z.enum(scopes);
export type Scope = z.infer<typeof Scope>;

/**
 * Least access: each role gets the scopes its daily work needs and no more. Later capabilities
 * (rights tickets, disclosures, staff management) add their scopes here, and only here.
 */
export const roleScopes: Record<Role, readonly Scope[]> = {
  moderator: [
    'changes:read', 'listings:read', 'users:read', 'reports:read',
    'moderation:claim', 'moderation:decide', 'accounts:act', 'pii:reveal',
  ],
  // Escalations, bulk actions, bans and appeals are a senior moderator's (PRODUCT.md, who uses it).
  senior_moderator: [
    'changes:read', 'listings:read', 'users:read', 'reports:read', 'moderation:claim', 'moderation:decide',
    'moderation:escalated', 'moderation:bulk', 'appeals:decide', 'accounts:act', 'accounts:ban', 'pii:reveal',
  ],
  // Customer service runs rights tickets end to end; legal holds reach them only as a yes/no on the ticket.
  cs_agent: ['changes:read', 'listings:read', 'users:read', 'pii:reveal', 'rights:read', 'rights:write', 'retention:read'],
  legal: ['changes:read', 'listings:read', 'users:read', 'pii:reveal', 'rights:read', 'retention:read', 'legal:read', 'legal:write'],
  // The DPO manages retention, so sweeps are theirs; and grants roles, which the audit trail records.
  dpo: ['changes:read', 'users:read', 'audit:read', 'rights:read', 'retention:read', 'retention:sweep', 'legal:read', 'staff:manage'],
};

export function scopesOf(staffRoles: readonly Role[]): Set<Scope> {
  return new Set(staffRoles.flatMap((r) => roleScopes[r]));
}
