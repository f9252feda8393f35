import { randomUUID } from 'node:crypto';
import type { WorkingCalendar } from '../../../shared/calendar';
import type { RightsTicket } from '../../../shared/platform/rights-entities';
import { DeskFailure } from '../errors';
import type { HandlerTable } from '../handlers';
import type { AccountWorkspace } from '../session/account-workspace';
import { buildAccessPackage } from './access-package';
import { deadlineOf, openDuplicates, rightsDashboard, ticketById, ticketRows } from './ticket-reads';

export interface RightsDeps {
  workspace(): AccountWorkspace;
  calendar: WorkingCalendar;
}

type RightsChannels =
  | 'rights:tickets' | 'rights:ticket' | 'rights:findAccounts' | 'rights:openDuplicates' | 'rights:create'
  | 'rights:startVerification' | 'rights:answerVerification' | 'rights:decide' | 'rights:execute' | 'rights:confirmProcessorTask'
  | 'rights:accessPackage' | 'rights:reply' | 'rights:dashboard' | 'retention:list' | 'retention:sweep' | 'retention:sweeps';

/**
 * Rights tickets: read from the cache (the CS agent's queue opens at once, with deadlines on the
 * mainland calendar), acted on live on the platform, which keeps the state machine and the law's
 * retention rules. Each answer lands in the cache before the renderer is told.
 */
export function rightsHandlers({ workspace, calendar }: RightsDeps): Pick<HandlerTable, RightsChannels> {
  const cachedTicket = (ws: AccountWorkspace, ticketId: string): RightsTicket => {
    const ticket = ticketById(ws.replica.db, ticketId);
    if (!ticket) throw new DeskFailure('not_found', `ticket ${ticketId} is not in the cache`, { path: 'input.ticketId' });
    return ticket;
  };
  const detail = (ticket: RightsTicket) => ({ ticket, deadline: deadlineOf(ticket, calendar, new Date()) });
  const landed = (ws: AccountWorkspace, ticket: RightsTicket) => {
    ws.replica.writing(() => ws.replica.rights.applyTicket(ticket));
    ws.cacheChanged(['rights_ticket']);
    return detail(ticket);
  };
  /**
   * Acts on a ticket at the version the staff member saw (the cache's when they do not say); the
   * platform answers a stale one with its conflict.
   */
  const act = async (
    input: { ticketId: string; basedOnVersion?: number },
    call: (ws: AccountWorkspace, ticket: RightsTicket, basedOnVersion: number) => Promise<{ ticket: RightsTicket }>,
  ) => {
    const ws = workspace();
    const ticket = cachedTicket(ws, input.ticketId);
    const answer = await call(ws, ticket, input.basedOnVersion ?? ticket.version);
    return landed(ws, answer.ticket);
  };

  return {
    'rights:tickets': (input) => {
      const ws = workspace();
      return { tickets: ticketRows(ws.replica.db, input, calendar, new Date()) };
    },
    'rights:ticket': (input) => detail(cachedTicket(workspace(), input.ticketId)),
    'rights:findAccounts': async (input) => {
      const { accounts } = await workspace().client.call('findAccounts', { query: input });
      return { accounts: accounts.map(({ id, nickname, phoneMasked, status, registeredAt }) => ({ id, nickname, phoneMasked, status, registeredAt })) };
    },
    'rights:openDuplicates': (input) => ({ tickets: openDuplicates(workspace().replica.db, input.userId, input.type, calendar, new Date()) }),
    'rights:create': async (input) => {
      const ws = workspace();
      const { ticket } = await ws.client.call('createTicket', { body: { ...input, idempotencyKey: `desk-${randomUUID()}` } });
      return landed(ws, ticket);
    },
    'rights:startVerification': (input) =>
      act(input, (ws, t, basedOnVersion) => ws.client.call('startVerification', { params: { ticketId: t.id }, body: { method: input.method, basedOnVersion } })),
    'rights:answerVerification': async ({ ticketId, basedOnVersion, ...answer }) => {
      const ws = workspace();
      const t = cachedTicket(ws, ticketId);
      const result = await ws.client.call('checkVerification', { params: { ticketId }, body: { ...answer, basedOnVersion: basedOnVersion ?? t.version } });
      return { passed: result.passed, detail: landed(ws, result.ticket) };
    },
    'rights:decide': ({ ticketId, basedOnVersion: seen, ...decision }) =>
      act({ ticketId, basedOnVersion: seen }, (ws, t, basedOnVersion) => ws.client.call('decideTicket', { params: { ticketId }, body: { ...decision, basedOnVersion } })),
    'rights:execute': (input) =>
      act(input, (ws, t, basedOnVersion) =>
        ws.client.call('executeTicket', { params: { ticketId: t.id }, body: { idempotencyKey: `desk-${randomUUID()}`, basedOnVersion } }),
      ),
    'rights:confirmProcessorTask': (input) =>
      act(input, (ws, t, basedOnVersion) =>
        ws.client.call('confirmProcessorTask', { params: { ticketId: t.id, taskId: input.taskId }, body: { reference: input.reference, basedOnVersion } }),
      ),
    'rights:accessPackage': async (input) => {
      const ws = workspace();
      const ticket = cachedTicket(ws, input.ticketId);
      const data = await ws.client.call('getAccessData', { params: { ticketId: ticket.id } });
      const built = buildAccessPackage(data, ticket.number);
      const recorded = await ws.client.call('recordAccessPackage', {
        params: { ticketId: ticket.id },
        body: { sha256: built.sha256, files: built.files.map(({ name, sha256 }) => ({ name, sha256 })), basedOnVersion: input.basedOnVersion ?? ticket.version },
      });
      return { ...built, detail: landed(ws, recorded.ticket) };
    },
    'rights:reply': (input) =>
      act(input, (ws, t, basedOnVersion) => ws.client.call('sendReply', { params: { ticketId: t.id }, body: { text: input.text, basedOnVersion } })),
    'rights:dashboard': () => rightsDashboard(workspace().replica.db, calendar, new Date()),
    'retention:list': (input) => workspace().client.call('listRetention', { query: { state: input.state, limit: input.limit, withTotal: 'true' } }),
    'retention:sweep': (input) => workspace().client.call('runRetentionSweep', { body: { idempotencyKey: `desk-${randomUUID()}`, dryRun: input.dryRun } }),
    'retention:sweeps': () => workspace().client.call('listRetentionSweeps', { query: {} }),
  };
}
