import { z } from 'zod';
import { Decision, Listing } from './platform/entities';

/**
 * Every failure the platform or the console reports is one of these codes. The renderer
 * translates codes, never messages, so adding a code means adding its translations.
 */
export const errorCodes = [
  'validation_failed',
  'invalid_credentials',
  'token_missing',
  'token_expired',
  'token_invalid',
  'forbidden_scope',
  'not_found',
  'claim_conflict',
  'claim_not_held',
  'stale_version',
  'already_decided',
  'invalid_transition',
  'idempotency_key_reused',
  'cursor_reset',
  'undo_window_closed',
  'same_reviewer',
  'legal_hold',
  'foreign_request_blocked',
  'over_disclosure_unjustified',
  'payload_too_large',
  'rate_limited',
  'internal',
] as const;

export const ErrorCode = z.enum(errorCodes);
export type ErrorCode = z.infer<typeof ErrorCode>;

/** The one error body every endpoint returns; `conflict` is filled for 409s. */
export const ApiErrorBody = z.object({
  code: ErrorCode,
  message: z.string(),
  path: z.string().optional().describe('Dotted path of the offending field, e.g. body.reason'),
  conflict: z
    .object({
      holder: z
        .object({ staffId: z.string(), displayName: z.string(), expiresAt: z.iso.datetime() })
        .optional(),
      listing: Listing.optional().describe('The listing as it is now'),
      lastDecision: Decision.optional().describe('The decision that changed it, with who made it'),
    })
    .optional(),
});
export type ApiErrorBody = z.infer<typeof ApiErrorBody>;

/** HTTP status that goes with each code, so the sandbox and the client agree. */
export const errorStatus: Record<ErrorCode, number> = {
  validation_failed: 400,
  invalid_credentials: 401,
  token_missing: 401,
  token_expired: 401,
  token_invalid: 401,
  forbidden_scope: 403,
  not_found: 404,
  claim_conflict: 409,
  claim_not_held: 409,
  stale_version: 409,
  already_decided: 409,
  invalid_transition: 409,
  idempotency_key_reused: 422,
  cursor_reset: 410,
  undo_window_closed: 409,
  same_reviewer: 403,
  // A hold's details are for legal staff: the refusal says only that one applies.
  legal_hold: 409,
  foreign_request_blocked: 422,
  over_disclosure_unjustified: 422,
  payload_too_large: 413,
  rate_limited: 429,
  internal: 500,
};

/**
 * Codes only the console raises (the platform never sends these). With the platform's codes
 * they are everything the renderer may be told, and each has a translation.
 */
export const deskErrorCodes = [
  'invalid_input',
  'unknown_channel',
  'forbidden_role',
  'not_signed_in',
  'keychain_unavailable',
  'platform_unreachable',
  'platform_invalid_response',
  'cache_newer_version',
  'cache_unreadable',
  'forbidden_sender',
  'console_locked',
  'disk_full',
] as const;

export const DeskErrorCode = z.enum([...errorCodes, ...deskErrorCodes]);
export type DeskErrorCode = z.infer<typeof DeskErrorCode>;

/** What crosses IPC when a call fails: a code to translate, never a stack. */
export const DeskError = z.object({
  code: DeskErrorCode,
  message: z.string(),
  path: z.string().optional(),
  conflict: ApiErrorBody.shape.conflict,
});
export type DeskError = z.infer<typeof DeskError>;

/** Turns a zod issue path into the dotted form used in `ApiErrorBody.path`. */
export function issuePath(prefix: string, path: readonly PropertyKey[]): string {
  return [prefix, ...path.map((p) => String(p))].filter((p) => p !== '').join('.');
}
