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
  cs_agent: ['changes:read', 'listings:read', 'users:read', 'pii:reveal'],
  legal: ['changes:read', 'listings:read', 'users:read', 'pii:reveal'],
  dpo: ['changes:read', 'users:read', 'audit:read'],
};

export function scopesOf(staffRoles: readonly Role[]): Set<Scope> {
  return new Set(staffRoles.flatMap((r) => roleScopes[r]));
}
