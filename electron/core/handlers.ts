import type { ChannelName, IpcChannels } from '../../shared/ipc/contract';
import type { z } from 'zod';
import { DeskFailure } from './errors';
import { accountHandlers } from './moderation/account-handlers';
import { moderationHandlers } from './moderation/moderation-handlers';
import { rightsHandlers } from './rights/rights-handlers';
import { legalHandlers } from './legal/legal-handlers';
import { governanceHandlers } from './governance/governance-handlers';
import { quarantineEntries } from './cache/quarantine-reads';
import type { WorkingCalendar } from '../../shared/calendar';
import type { SessionManager } from './session/session-manager';

type Input<C extends ChannelName> = z.infer<IpcChannels[C]['input']>;
type Output<C extends ChannelName> = z.infer<IpcChannels[C]['output']>;
export type ChannelHandler<C extends ChannelName> = (input: Input<C>) => Promise<Output<C>> | Output<C>;
/** One handler per IPC channel; a missing one is a compile error. */
export type HandlerTable = { [C in ChannelName]: ChannelHandler<C> };

export interface HandlerDeps {
  session: SessionManager;
  fetchImage(platformUrl: string, path: string): Promise<string>;
  /** The mainland working-day calendar every deadline is counted on. */
  calendar: WorkingCalendar;
  /** The core's data folder (this machine's settings). */
  dataDir: string;
  log: (line: string) => void;
}

/** The core's handler table: what Electron's IPC and the development bridge both serve. */
export function createHandlers({ session, fetchImage, calendar, dataDir, log }: HandlerDeps): HandlerTable {
  const workspace = () => session.workspace();
  const staff = () => {
    const signedIn = session.status().staff;
    if (!signedIn) throw new DeskFailure('not_signed_in', 'sign in first');
    return signedIn;
  };
  const syncStatus = () => workspace().syncStatus();

  return {
    'session:status': () => session.status(),
    'session:signIn': (input) => session.signIn(input),
    'session:signOut': (input) => session.signOut(input),
    'sync:status': () => syncStatus(),
    'sync:now': () => {
      const ws = workspace();
      void ws.sync.syncNow();
      ws.outbox.dueNow(new Date());
      void ws.delivery.kick();
      return { started: true };
    },
    'sync:quarantine': () => quarantineEntries(workspace().replica.db),
    'cache:rebuild': () => session.rebuildCache(),
    ...moderationHandlers({ workspace, staff }),
    ...accountHandlers(workspace),
    ...rightsHandlers({ workspace, calendar }),
    ...legalHandlers({ workspace, staff }),
    ...governanceHandlers({ session, workspace, staff, dataDir, log }),
    'moderation:decide': (input) => {
      const ws = workspace();
      const listing = ws.replica.listing(input.listingId);
      if (!listing) throw new DeskFailure('not_found', `listing ${input.listingId} is not in the cache`);
      if (ws.outbox.undelivered().some((e) => e.listingId === input.listingId)) {
        throw new DeskFailure('already_decided', 'a decision on this listing is still waiting to be delivered');
      }
      // Durable first: only once the entry is committed is the staff member told it was accepted.
      const entry = ws.outbox.enqueue(input, new Date());
      ws.outboxChanged();
      void ws.delivery.kick();
      return ws.publicEntry(entry);
    },
    'outbox:list': () => {
      const ws = workspace();
      return { entries: ws.outbox.visible().map((e) => ws.publicEntry(e)) };
    },
    'outbox:dismiss': (input) => {
      const ws = workspace();
      const dismissed = ws.outbox.dismiss(input.id);
      ws.outboxChanged();
      return { dismissed };
    },
    'media:image': async (input) => ({ dataUrl: await fetchImage(session.status().platformUrl, input.path) }),
  };
}
