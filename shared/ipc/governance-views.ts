import { z } from 'zod';
import { AuditEvent } from '../platform/entities';
import { Role } from '../platform/roles';
import { StaffMember } from '../platform/staff';

/** A masked field the console may reveal: today a user's or a listing's contact phone. */
export const RevealTarget = z
  .object({
    subjectType: z.enum(['user', 'listing']),
    subjectId: z.string().min(1).max(64),
    field: z.enum(['phone']),
  })
  .strict();
export type RevealTarget = z.infer<typeof RevealTarget>;

/** Reasons offered in the reveal dialog; "other" needs the reason typed. Labels live in i18n. */
export const revealReasons = ['verify_identity', 'contact_user', 'fraud_investigation', 'legal_request', 'other'] as const;
export const RevealReason = z.enum(revealReasons);

export const RevealRequest = RevealTarget.extend({
  reason: RevealReason,
  /** Required for "other", optional detail for the rest; what the platform's audit records. */
  note: z.string().trim().max(500).optional(),
}).strict();

/** The value, and when the console hides it again (a short window, never cached or logged). */
export const Revealed = z.object({ value: z.string(), revealedAt: z.iso.datetime(), hideAt: z.iso.datetime(), auditSeq: z.number().int().positive() });
export type Revealed = z.infer<typeof Revealed>;

/** How long a revealed value stays on screen. */
export const REVEAL_SECONDS = 30;

export const AuditQuery = z
  .object({
    staffId: z.string().max(64).optional(),
    action: z.string().max(64).optional(),
    subject: z.string().max(128).optional(),
    from: z.iso.datetime().optional(),
    to: z.iso.datetime().optional(),
    afterSeq: z.number().int().nonnegative().default(0),
    limit: z.number().int().min(1).max(500).default(100),
  })
  .strict();
export type AuditQuery = z.infer<typeof AuditQuery>;

/** An event with the staff member's name resolved, for the DPO's list. */
export const AuditRow = AuditEvent.extend({ staffName: z.string().nullable() });
export type AuditRow = z.infer<typeof AuditRow>;

/** Why a link in the chain is broken: its own hash does not match its fields, it does not point at its predecessor, or a sequence number is missing. */
export const BrokenLinkReason = z.enum(['hash_mismatch', 'prev_mismatch', 'gap']);

export const ChainVerification = z.object({
  checked: z.number().int().nonnegative(),
  intact: z.boolean(),
  head: z.object({ seq: z.number().int().positive(), hash: z.string() }).nullable(),
  firstBroken: z.object({ seq: z.number().int().positive(), reason: BrokenLinkReason }).nullable(),
  verifiedAt: z.iso.datetime(),
});
export type ChainVerification = z.infer<typeof ChainVerification>;

/** A range of the trail exported for an auditor: by sequence numbers, inclusive. */
export const AuditExportRequest = z.object({ fromSeq: z.number().int().positive(), toSeq: z.number().int().positive() }).strict();

export const RoleChange = z
  .object({
    staffId: z.string().min(1).max(64),
    roles: z.array(Role).min(1).max(5),
    reason: z.string().trim().min(4).max(500),
    basedOnVersion: z.number().int().positive(),
  })
  .strict();

export { StaffMember };

/** Console settings kept on this machine. */
export const ConsoleSettings = z.object({
  /** Minutes without keyboard or pointer input before the console locks (PRODUCT default 15). */
  idleLockMinutes: z.number().int().min(1).max(120),
});
export type ConsoleSettings = z.infer<typeof ConsoleSettings>;
export const DEFAULT_IDLE_LOCK_MINUTES = 15;

/**
 * What a locked console still answers: its state, the unlock, and signing out. Every other
 * channel is refused with `console_locked`, by the main router and by the core alike.
 */
export const channelsWhileLocked = ['session:status', 'session:unlock', 'session:signOut'] as const;
export const allowedWhileLocked = (channel: string): boolean => (channelsWhileLocked as readonly string[]).includes(channel);
