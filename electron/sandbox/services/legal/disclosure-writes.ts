import type { Disclosure } from '../../../../shared/platform/disclosure-entities';
import { signedInStaff, type RequestContext } from '../../http/context';
import { ApiFailure } from '../../http/failure';
import { appendAudit } from '../audit';
import { recordChange } from '../change-log';
import { disclosureRecord, findDisclosureRow, type DisclosureRow } from './disclosure-record';

/** The entry an action was based on: it exists, and nobody changed it since the caller read it. */
export function disclosureAt(ctx: RequestContext, disclosureId: string, basedOnVersion: number): DisclosureRow {
  const row = findDisclosureRow(ctx.db, disclosureId);
  if (!row) throw new ApiFailure('not_found', `no register entry ${disclosureId}`, { path: 'params.disclosureId' });
  if (row.version !== basedOnVersion) {
    throw new ApiFailure('stale_version', `the entry is at version ${row.version}, the action was based on ${basedOnVersion}`, {
      path: 'body.basedOnVersion',
    });
  }
  return row;
}

export function requireStatus(row: DisclosureRow, allowed: readonly Disclosure['status'][], what: string): void {
  if (!allowed.includes(row.status)) {
    throw new ApiFailure('invalid_transition', `cannot ${what} register entry ${row.register_number}: it is ${row.status}`);
  }
}

/** Columns an action may set; `original` is not among them, and the database refuses it anyway. */
export type DisclosureColumn = Exclude<keyof DisclosureRow, 'id' | 'register_number' | 'original' | 'version' | 'updated_at' | 'idempotency_key' | 'request_hash'>;

export interface DisclosureWrite {
  set: Partial<Record<DisclosureColumn, string | null>>;
  audit: { action: string; detail?: Record<string, unknown> };
}

/**
 * Every change to an entry goes through here: one new version, a row in the change feed and an
 * event in the audit trail with the entry as its subject. Call inside the transaction of the action.
 */
export function saveDisclosure(ctx: RequestContext, row: DisclosureRow, write: DisclosureWrite): Disclosure {
  const staff = signedInStaff(ctx);
  const now = ctx.now();
  const set = { ...write.set, updated_at: now.toISOString() };
  const columns = Object.keys(set);
  ctx.db
    .prepare(`UPDATE disclosures SET ${columns.map((c) => `${c} = @${c}`).join(', ')}, version = version + 1 WHERE id = @id`)
    .run({ ...set, id: row.id });
  recordChange(ctx.db, 'disclosure', row.id);
  appendAudit(ctx.db, {
    at: now,
    staffId: staff.id,
    action: write.audit.action,
    subject: `disclosure:${row.id}`,
    detail: { registerNumber: row.register_number, from: row.status, to: write.set.status ?? row.status, ...write.audit.detail },
  });
  return disclosureRecord(ctx.db, findDisclosureRow(ctx.db, row.id)!);
}
