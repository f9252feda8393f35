import type { Scope } from './platform/roles';

/**
 * Actions the console itself performs, which the platform cannot see happen (a value copied to
 * the clipboard, a file exported from the cache, the console locked), and so reports as audit
 * events. Each names the scope a staff member must hold to report it, so nobody can write an
 * event about something their role could not have done.
 */
export const clientAuditActions = {
  'pii.copy': 'pii:reveal',
  'export.transparency': 'legal:read',
  'export.audit': 'audit:read',
  'export.access_package': 'rights:read',
  'console.lock': 'changes:read',
  'console.unlock': 'changes:read',
} as const satisfies Record<string, Scope>;

export type ClientAuditAction = keyof typeof clientAuditActions;
export const clientAuditActionNames = Object.keys(clientAuditActions) as [ClientAuditAction, ...ClientAuditAction[]];

/** Audit events are kept at least this long (PRODUCT.md; the platform's retention never sweeps younger ones). */
export const AUDIT_RETENTION_YEARS = 3;
