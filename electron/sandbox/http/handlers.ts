import { actOnAccount, linkedAccounts } from '../services/accounts';
import { decideAppeal } from '../services/appeals';
import { listAuditEvents } from '../services/audit';
import { login, logout, me, refresh } from '../services/auth';
import { recordClientAuditEvent } from '../services/client-audit';
import { createClaims, listClaims, releaseClaim, renewClaim } from '../services/claims';
import { runBatch, undoBatch } from '../services/batches';
import { decide, listDecisions } from '../services/decisions';
import { recordFlagFeedback } from '../services/flag-feedback';
import { listChanges } from '../services/feed';
import { getListing } from '../services/listings';
import { revealPii } from '../services/reveal';
import { changeStaffRoles, listStaff } from '../services/staff';
import { undoDecision } from '../services/undo';
import { findAccounts } from '../services/rights/account-search';
import { getAccessData, recordAccessPackage } from '../services/rights/access-data';
import { listLegalHolds } from '../services/rights/legal-holds';
import { confirmProcessorTask } from '../services/rights/processor-tasks';
import { listProcessors } from '../services/rights/processors';
import { listRetention, listRetentionSweeps } from '../services/rights/retention';
import { runRetentionSweep } from '../services/rights/retention-sweep';
import { decideTicket } from '../services/rights/ticket-decision';
import { executeTicket } from '../services/rights/ticket-execution';
import { createTicket } from '../services/rights/ticket-intake';
import { sendReply } from '../services/rights/ticket-reply';
import { checkVerification, startVerification } from '../services/rights/verification';
import { amendDisclosure } from '../services/legal/disclosure-amendment';
import { createDisclosure } from '../services/legal/disclosure-intake';
import { approveDisclosure, closeDisclosure, recordProduction, recordUserNotification } from '../services/legal/disclosure-review';
import { liftHold, placeHold, renewHold } from '../services/legal/hold-writes';
import { saveProcessor } from '../services/legal/processor-writes';
import { getRegisterFile } from '../services/legal/register-files';
import type { HandlerTable } from './router';

/** The sandbox's implementation of every contract endpoint. */
export const handlers: HandlerTable = {
  login,
  refresh,
  logout,
  me,
  listChanges,
  getListing,
  listClaims,
  createClaims,
  renewClaim,
  releaseClaim,
  decide,
  listDecisions,
  undoDecision,
  runBatch,
  undoBatch,
  actOnAccount,
  linkedAccounts,
  decideAppeal,
  recordFlagFeedback,
  revealPii,
  listAuditEvents,
  recordClientAuditEvent,
  listStaff,
  changeStaffRoles,
  findAccounts,
  createTicket,
  startVerification,
  checkVerification,
  decideTicket,
  executeTicket,
  confirmProcessorTask,
  getAccessData,
  recordAccessPackage,
  sendReply,
  listRetention,
  runRetentionSweep,
  listRetentionSweeps,
  listLegalHolds,
  listProcessors,
  createDisclosure,
  approveDisclosure,
  recordProduction,
  closeDisclosure,
  amendDisclosure,
  recordUserNotification,
  getRegisterFile,
  placeHold,
  liftHold,
  renewHold,
  saveProcessor,
};
