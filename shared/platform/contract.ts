import { listAuditEvents } from './audit';
import { login, logout, me, refresh } from './auth';
import { listChanges } from './changes';
import type { Endpoint } from './endpoint';
import { createClaims, decide, getListing, listClaims, listDecisions, releaseClaim, renewClaim } from './moderation';
import { revealPii } from './pii';

/** Version of the contract, shown in the OpenAPI document; bump on any change clients can see. */
export const platformApiVersion = '1.0.0';

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
  revealPii,
  listAuditEvents,
} satisfies Record<string, Endpoint>;

export type PlatformContract = typeof platformContract;
export type EndpointName = keyof PlatformContract;
