/**
 * Reason codes a moderator may reject a listing with (labels live in i18n under
 * `rejectReasons.*`). The taxonomy moves to resources/ in a later issue.
 */
export const rejectReasonCodes = [
  'prohibited_item',
  'fraud_deposit',
  'contact_in_text',
  'duplicate',
  'wrong_category',
  'misleading_price',
  'illegal_job_ad',
  'discrimination',
  'other',
] as const;
export type RejectReasonCode = (typeof rejectReasonCodes)[number];

export const isRejectReasonCode = (value: string): value is RejectReasonCode =>
  (rejectReasonCodes as readonly string[]).includes(value);
