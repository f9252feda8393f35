import { createHash } from 'node:crypto';
import type { AuditEvent, StaffProfile } from '../../../shared/platform/entities';

/**
 * An exported run of the audit trail, for an auditor who checks it offline with
 * resources/audit/verify-audit-export.mjs. It carries the hash the run hangs from
 * (`anchorPrevHash`, the prevHash of its first event) and its head, so the auditor can check
 * the run on its own and then tie both ends to the platform's trail or to an earlier export.
 */
export interface AuditExport {
  format: 'xuntong-audit-export/1';
  exportedAt: string;
  exportedBy: { staffId: string; username: string; displayName: string };
  fromSeq: number;
  toSeq: number;
  anchorPrevHash: string;
  head: { seq: number; hash: string };
  events: AuditEvent[];
}

const seqLabel = (seq: number) => String(seq).padStart(6, '0');

export function auditExportFile(input: { events: AuditEvent[]; exportedAt: Date; exportedBy: StaffProfile }) {
  const first = input.events[0]!;
  const last = input.events.at(-1)!;
  const body: AuditExport = {
    format: 'xuntong-audit-export/1',
    exportedAt: input.exportedAt.toISOString(),
    exportedBy: { staffId: input.exportedBy.id, username: input.exportedBy.username, displayName: input.exportedBy.displayName },
    fromSeq: first.seq,
    toSeq: last.seq,
    anchorPrevHash: first.prevHash,
    head: { seq: last.seq, hash: last.hash },
    events: input.events,
  };
  const content = `${JSON.stringify(body, null, 2)}\n`;
  return {
    name: `audit-${seqLabel(first.seq)}-${seqLabel(last.seq)}.json`,
    mediaType: 'application/json',
    content,
    sha256: createHash('sha256').update(content, 'utf8').digest('hex'),
  };
}
