import type { StaffProfile } from '../../../shared/platform/entities';
import type { HandlerTable } from '../handlers';
import type { AccountWorkspace } from '../session/account-workspace';
import type { SessionManager } from '../session/session-manager';
import { auditTrailHandlers } from './audit-trail';
import { consoleLockHandlers } from './console-lock';
import { readSettings, writeSettings } from './console-settings';
import { revealHandlers } from './reveal';
import { StaffDirectory, staffHandlers } from './staff';

export interface GovernanceDeps {
  session: SessionManager;
  workspace(): AccountWorkspace;
  staff(): StaffProfile;
  /** The core's data folder, where this machine's settings live. */
  dataDir: string;
  log: (line: string) => void;
}

type GovernanceChannels =
  | 'session:lock' | 'session:unlock' | 'settings:get' | 'settings:set' | 'pii:reveal' | 'pii:copied'
  | 'audit:events' | 'audit:verify' | 'audit:export' | 'staff:list' | 'staff:changeRoles';

/** Governance and security: reveals, the audit trail, staff roles, the idle lock and its setting. */
export function governanceHandlers({ session, workspace, staff, dataDir, log }: GovernanceDeps): Pick<HandlerTable, GovernanceChannels> {
  const directory = new StaffDirectory();
  return {
    ...consoleLockHandlers(session, log),
    'settings:get': () => readSettings(dataDir),
    'settings:set': (change) => writeSettings(dataDir, change),
    ...revealHandlers(workspace),
    ...auditTrailHandlers({ workspace, staff, directory }),
    ...staffHandlers(workspace, directory),
  };
}
