import type { AuditQuery, ChainVerification } from '../../../shared/ipc/governance-views';
import type { AuditEvent, StaffProfile } from '../../../shared/platform/entities';
import { DeskFailure } from '../errors';
import type { HandlerTable } from '../handlers';
import type { AccountWorkspace } from '../session/account-workspace';
import { auditExportFile } from './audit-export';
import { ChainWalk } from './chain-verification';
import type { StaffDirectory } from './staff';

/** The platform's largest page of audit events; verification reads the whole trail in these. */
export const AUDIT_PAGE = 1000;
/** An export is for an auditor's question about a period, not a copy of the whole trail. */
export const MAX_EXPORT_EVENTS = 100_000;

/** Pages through events after `afterSeq`, in sequence order, until `visit` says stop or the trail ends. */
export async function eachAuditEvent(ws: AccountWorkspace, afterSeq: number, visit: (event: AuditEvent) => boolean | void): Promise<void> {
  let cursor = afterSeq;
  for (;;) {
    const page = await ws.client.call('listAuditEvents', { query: { afterSeq: cursor, limit: AUDIT_PAGE } });
    for (const event of page.events) if (visit(event) === false) return;
    const last = page.events.at(-1);
    if (!page.hasMore || !last) return;
    cursor = last.seq;
  }
}

export interface AuditTrailDeps {
  workspace(): AccountWorkspace;
  staff(): StaffProfile;
  directory: StaffDirectory;
}

/**
 * The DPO's audit trail, read live from the platform every time (it is the platform's record,
 * and a copy in the cache would be one more place to tamper with), verified here link by link
 * with the same hash rules the platform writes with.
 */
export function auditTrailHandlers({ workspace, staff, directory }: AuditTrailDeps): Pick<HandlerTable, 'audit:events' | 'audit:verify' | 'audit:export'> {
  return {
    'audit:events': async (query: AuditQuery) => {
      const ws = workspace();
      const page = await ws.client.call('listAuditEvents', { query });
      const names = await directory.namesFor(ws, page.events.map((e) => e.staffId));
      return { events: page.events.map((e) => ({ ...e, staffName: e.staffId === null ? null : (names.get(e.staffId) ?? null) })), hasMore: page.hasMore };
    },
    'audit:verify': async (): Promise<ChainVerification> => {
      const walk = new ChainWalk();
      await eachAuditEvent(workspace(), 0, (event) => walk.add(event));
      return walk.result(new Date());
    },
    'audit:export': async ({ fromSeq, toSeq }) => {
      if (toSeq < fromSeq) throw new DeskFailure('invalid_input', 'input.toSeq: the range ends before it starts', { path: 'input.toSeq' });
      if (toSeq - fromSeq + 1 > MAX_EXPORT_EVENTS) {
        throw new DeskFailure('invalid_input', `input.toSeq: at most ${MAX_EXPORT_EVENTS} events in one export`, { path: 'input.toSeq' });
      }
      const ws = workspace();
      const events: AuditEvent[] = [];
      await eachAuditEvent(ws, fromSeq - 1, (event) => {
        if (event.seq > toSeq) return false;
        events.push(event);
      });
      const last = events.at(-1);
      if (events[0]?.seq !== fromSeq) throw new DeskFailure('not_found', `input.fromSeq: the trail has no event ${fromSeq}`, { path: 'input.fromSeq' });
      if (last?.seq !== toSeq) throw new DeskFailure('not_found', `input.toSeq: the trail ends at event ${last?.seq ?? fromSeq - 1}`, { path: 'input.toSeq' });
      const file = auditExportFile({ events, exportedAt: new Date(), exportedBy: staff() });
      // Recorded before the file is handed over: an export the trail does not know of must not leave.
      await ws.client.call('recordClientAuditEvent', {
        body: { action: 'export.audit', subject: `audit:${fromSeq}-${toSeq}`, detail: { fromSeq, toSeq, headHash: last.hash, sha256: file.sha256 } },
      });
      return { name: file.name, mediaType: file.mediaType, content: file.content };
    },
  };
}
