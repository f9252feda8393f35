import { z } from 'zod';

/**
 * A rights request's life, as the platform enforces it and the console shows it. Pure data and
 * functions: the sandbox refuses what is not listed here, the renderer offers only what is.
 */

/** 查阅复制 · 更正 · 删除 · 注销 · 解释说明 · a near relative of a deceased user (PIPL art. 49). */
export const rightsRequestTypes = ['access', 'correction', 'deletion', 'cancellation', 'explanation', 'deceased_relative'] as const;
export const RightsRequestType = z.enum(rightsRequestTypes);
export type RightsRequestType = z.infer<typeof RightsRequestType>;

export const ticketStates = ['received', 'awaiting_verification', 'in_review', 'approved', 'refused', 'executing', 'completed', 'failed'] as const;
export const TicketState = z.enum(ticketStates);
export type TicketState = z.infer<typeof TicketState>;

/** States after which nothing more happens to a ticket but its reply letter. */
export const closedStates: readonly TicketState[] = ['refused', 'completed', 'failed'];
export const isOpen = (state: TicketState): boolean => !closedStates.includes(state);

/** Every move a ticket can make, and the staff action that makes it. */
export const ticketTransitions = {
  received: ['awaiting_verification', 'refused'],
  awaiting_verification: ['in_review', 'refused'],
  in_review: ['approved', 'refused'],
  approved: ['executing', 'completed'],
  executing: ['completed', 'failed'],
  refused: [],
  completed: [],
  failed: [],
} as const satisfies Record<TicketState, readonly TicketState[]>;

export function canMove(from: TicketState, to: TicketState): boolean {
  return (ticketTransitions[from] as readonly TicketState[]).includes(to);
}

/**
 * What executing an approved request does on the platform. Access and explanation are answered
 * by the package or the letter, so they complete without touching the user's data.
 */
export const changesData = (type: RightsRequestType): boolean => type === 'correction' || type === 'deletion' || type === 'cancellation' || type === 'deceased_relative';

/** Types whose execution removes data, and so is blocked by a legal hold on what it covers. */
export const removesData = (type: RightsRequestType): boolean => type === 'deletion' || type === 'cancellation' || type === 'deceased_relative';

export const verificationMethods = ['sms_code', 'phone_and_listing', 'relative_documents'] as const;
export const VerificationMethod = z.enum(verificationMethods);
export type VerificationMethod = z.infer<typeof VerificationMethod>;

/** After this many failed answers the ticket is refused as identity_not_verified. */
export const MAX_VERIFICATION_ATTEMPTS = 3;

/** Coded reasons for a refusal; every refusal letter also says how to complain (PIPL art. 50). */
export const refusalReasons = ['identity_not_verified', 'not_account_holder', 'manifestly_unfounded', 'excessive_repetition', 'legal_obligation', 'other'] as const;
export const RefusalReason = z.enum(refusalReasons);
export type RefusalReason = z.infer<typeof RefusalReason>;
