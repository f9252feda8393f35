import type { EndpointName } from '../../shared/platform/contract';

/**
 * What each endpoint adds to the audit trail when it succeeds: the action it records, or why it
 * records nothing. Every endpoint must say, so a new one cannot slip in unaudited unnoticed.
 * An action here is the one the walk in sandbox-audit-completeness.test.ts expects for its call.
 */
export type TrailExpectation = { audited: string } | { notAudited: string };

const reads = (why: string): TrailExpectation => ({ notAudited: why });

export const auditTrailOf: { [K in EndpointName]: TrailExpectation } = {
  login: { audited: 'auth.login' },
  refresh: reads('continues a session whose sign-in is on the record; a replayed token is audited as auth.refresh_reuse'),
  logout: { audited: 'auth.logout' },
  me: reads("the caller's own profile"),
  listChanges: reads('the sync feed carries masked records only; a full value is reached through revealPii'),
  getListing: reads('a listing as published, its contact masked'),
  listClaims: reads('who holds which listing; no user data'),
  createClaims: { audited: 'moderation.claim' },
  renewClaim: reads('extends a claim already on the record (renewals every few minutes would drown the trail)'),
  releaseClaim: { audited: 'moderation.claim_release' },
  decide: { audited: 'moderation.decide' },
  listDecisions: reads('decisions are themselves on the record'),
  undoDecision: { audited: 'moderation.undo' },
  runBatch: { audited: 'moderation.batch' },
  undoBatch: { audited: 'moderation.batch_undo' },
  actOnAccount: { audited: 'account.warn' },
  linkedAccounts: { audited: 'account.linked_read' },
  decideAppeal: { audited: 'appeal.uphold' },
  recordFlagFeedback: { audited: 'moderation.flag_false_positive' },
  revealPii: { audited: 'pii.reveal' },
  listAuditEvents: reads('the trail itself, read by the DPO'),
  recordClientAuditEvent: { audited: 'pii.copy' },
  listStaff: reads('staff accounts and their roles; no user data'),
  changeStaffRoles: { audited: 'staff.roles_change' },
  findAccounts: { audited: 'rights.account_search' },
  createTicket: { audited: 'rights.create' },
  startVerification: { audited: 'rights.verification.start' },
  checkVerification: { audited: 'rights.verification.answer' },
  decideTicket: { audited: 'rights.decide' },
  executeTicket: { audited: 'rights.execute' },
  confirmProcessorTask: { audited: 'rights.processor_confirm' },
  getAccessData: { audited: 'rights.access_data' },
  recordAccessPackage: { audited: 'rights.access_package' },
  sendReply: { audited: 'rights.reply' },
  listRetention: reads('listings due for deletion, by title and date; no contact details'),
  runRetentionSweep: { audited: 'retention.sweep' },
  listRetentionSweeps: reads('the sweeps, each already on the record'),
  listLegalHolds: reads('holds name accounts by id only; placing, renewing and lifting them is audited'),
  listProcessors: reads('the processor register; companies, not users'),
  createDisclosure: { audited: 'legal.disclosure.create' },
  approveDisclosure: { audited: 'legal.disclosure.approve' },
  recordProduction: { audited: 'legal.disclosure.produce' },
  closeDisclosure: { audited: 'legal.disclosure.close' },
  amendDisclosure: { audited: 'legal.disclosure.amend' },
  recordUserNotification: { audited: 'legal.disclosure.notify' },
  getRegisterFile: { audited: 'legal.file.read' },
  placeHold: { audited: 'legal.hold.place' },
  liftHold: { audited: 'legal.hold.lift' },
  renewHold: { audited: 'legal.hold.renew' },
  saveProcessor: { audited: 'legal.processor.save' },
};

/** Writes that record nothing, each for the reason given above. */
export const unauditedWrites: readonly EndpointName[] = ['refresh', 'renewClaim'];
