import { listAuditEvents } from '../services/audit';
import { login, logout, me, refresh } from '../services/auth';
import { createClaims, listClaims, releaseClaim, renewClaim } from '../services/claims';
import { decide, listDecisions } from '../services/decisions';
import { listChanges } from '../services/feed';
import { getListing } from '../services/listings';
import { revealPii } from '../services/reveal';
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
  revealPii,
  listAuditEvents,
};
