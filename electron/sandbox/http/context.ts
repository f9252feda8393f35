import type { Scope } from '../../../shared/platform/roles';
import type { StaffProfile } from '../../../shared/platform/entities';
import type { PlatformDb } from '../store/database';
import type { DeadlineConfig } from '../services/rights/deadline-config';

/** Settings a sandbox is started with that its services read. */
export interface PlatformSettings {
  accessTtlSeconds: number;
  refreshTtlSeconds: number;
  claimTtlSeconds: number;
  /** Working days to answer each type of rights request (resources/rights/deadlines.json). */
  rightsDeadlines: DeadlineConfig;
}

/** What every handler gets: the database, the clock, settings, and who is calling. */
export interface RequestContext {
  db: PlatformDb;
  now: () => Date;
  settings: PlatformSettings;
  /** Null only for public endpoints. */
  staff: (StaffProfile & { scopes: Set<Scope>; tokenFamily: string }) | null;
}

export type SignedInContext = RequestContext & { staff: NonNullable<RequestContext['staff']> };

export function signedInStaff(ctx: RequestContext): SignedInContext['staff'] {
  if (!ctx.staff) throw new Error('handler of a signed-in endpoint called without staff');
  return ctx.staff;
}
