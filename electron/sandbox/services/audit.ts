import { createHash } from 'node:crypto';
import { auditHashInput, GENESIS_HASH } from '../../../shared/audit-chain';
import type { AuditEvent } from '../../../shared/platform/entities';
import type { Handler } from '../http/router';
import type { PlatformContract } from '../../../shared/platform/contract';
import type { PlatformDb } from '../store/database';

export interface AuditEntry {
  at: Date;
  staffId: string | null;
  action: string;
  subject: string | null;
  detail: Record<string, unknown>;
}

interface AuditRow {
  seq: number; at: string; staff_id: string | null; action: string; subject: string | null;
  detail: string; prev_hash: string; hash: string;
}

/** Appends one event to the chain; call inside the transaction of the action it records. */
export function appendAudit(db: PlatformDb, entry: AuditEntry): number {
  const last = db.prepare('SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1').get() as
    | { seq: number; hash: string }
    | undefined;
  const seq = (last?.seq ?? 0) + 1;
  const fields = {
    seq,
    at: entry.at.toISOString(),
    staffId: entry.staffId,
    action: entry.action,
    subject: entry.subject,
    detail: entry.detail,
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  const hash = createHash('sha256').update(auditHashInput(fields)).digest('hex');
  db.prepare(
    'INSERT INTO audit_events (seq, at, staff_id, action, subject, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(seq, fields.at, fields.staffId, fields.action, fields.subject, JSON.stringify(fields.detail), fields.prevHash, hash);
  return seq;
}

const toEvent = (row: AuditRow): AuditEvent => ({
  seq: row.seq,
  at: row.at,
  staffId: row.staff_id,
  action: row.action,
  subject: row.subject,
  detail: JSON.parse(row.detail) as Record<string, unknown>,
  prevHash: row.prev_hash,
  hash: row.hash,
});

export const listAuditEvents: Handler<PlatformContract['listAuditEvents']> = (ctx, { query }) => {
  const where = ['seq > @afterSeq'];
  if (query.action !== undefined) where.push('action = @action');
  if (query.staffId !== undefined) where.push('staff_id = @staffId');
  if (query.subject !== undefined) where.push('subject = @subject');
  // Times are stored as ISO-8601 UTC with milliseconds, so comparing the text orders them; the
  // bounds are normalised to the same form (a caller may leave out the milliseconds).
  if (query.from !== undefined) where.push('at >= @from');
  if (query.to !== undefined) where.push('at < @to');
  const rows = ctx.db
    .prepare(`SELECT * FROM audit_events WHERE ${where.join(' AND ')} ORDER BY seq LIMIT @take`)
    .all({
      afterSeq: query.afterSeq,
      action: query.action ?? null,
      staffId: query.staffId ?? null,
      subject: query.subject ?? null,
      from: query.from === undefined ? null : new Date(query.from).toISOString(),
      to: query.to === undefined ? null : new Date(query.to).toISOString(),
      take: query.limit + 1,
    }) as AuditRow[];
  return { events: rows.slice(0, query.limit).map(toEvent), hasMore: rows.length > query.limit };
};
