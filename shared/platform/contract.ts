import { listAuditEvents, recordClientAuditEvent } from './audit';
import { login, logout, me, refresh } from './auth';
import { listChanges } from './changes';
import type { Endpoint } from './endpoint';
import { createClaims, decide, getListing, listClaims, listDecisions, releaseClaim, renewClaim } from './moderation';
import { actOnAccount, decideAppeal, linkedAccounts, recordFlagFeedback, runBatch, undoBatch, undoDecision } from './moderation-actions';
import { revealPii } from './pii';
import { changeStaffRoles, listStaff } from './staff';
import {
  amendDisclosure, approveDisclosure, closeDisclosure, createDisclosure, getRegisterFile, liftHold, placeHold, recordProduction,
  recordUserNotification, renewHold, saveProcessor,
} from './legal';
import {
  checkVerification, confirmProcessorTask, createTicket, decideTicket, executeTicket, findAccounts, getAccessData, listLegalHolds,
  listProcessors, listRetention, listRetentionSweeps, recordAccessPackage, runRetentionSweep, sendReply, startVerification,
} from './rights';

/** Version of the contract, shown in the OpenAPI document; bump on any change clients can see. */
export const platformApiVersion = '1.4.0';

/**
 * The platform's staff API: every endpoint, once. The sandbox serves exactly these routes, the
 * console's client calls them by name, and /openapi.json is generated from them.
 */
export const platformContract = {
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
} satisfies Record<string, Endpoint>;

export type PlatformContract = typeof platformContract;
export type EndpointName = keyof PlatformContract;
