import { actOnAccount, linkedAccounts } from '../services/accounts';
import { decideAppeal } from '../services/appeals';
import { listAuditEvents } from '../services/audit';
import { login, logout, me, refresh } from '../services/auth';
import { createClaims, listClaims, releaseClaim, renewClaim } from '../services/claims';
import { runBatch, undoBatch } from '../services/batches';
import { decide, listDecisions } from '../services/decisions';
import { recordFlagFeedback } from '../services/flag-feedback';
import { listChanges } from '../services/feed';
import { getListing } from '../services/listings';
import { revealPii } from '../services/reveal';
import { undoDecision } from '../services/undo';
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
};
