import type { Amendment, Disclosure, DisclosureRequest, DisclosureScope } from '../../../../shared/platform/disclosure-entities';
import type { PlatformDb } from '../../store/database';
import { registerFiles } from './register-files';

/** A register entry as stored; JSON columns hold what is only ever read and written with the entry. */
export interface DisclosureRow {
  id: string; register_number: string; idempotency_key: string | null; request_hash: string | null;
  status: Disclosure['status']; request: string; original: string; scan_file_id: string;
  prepared_by: string; prepared_by_name: string; prepared_at: string;
  scope_disclosed: string | null; over_disclosure: string | null;
  approved_by: string | null; approved_by_name: string | null; approved_at: string | null; approval_note: string | null;
  delivery_method: NonNullable<Disclosure['production']>['deliveryMethod'] | null; disclosed_at: string | null; receipt_file_id: string | null;
  outcome: Disclosure['outcome']; refusal_reason: string | null; user_notified_at: string | null;
  version: number; updated_at: string;
}

interface AmendmentRow { id: string; at: string; staff_id: string; staff_name: string; reason: string; changes: string }

/** A nullable JSON column. */
export const parseColumn = <T>(text: string | null): T | null => (text === null ? null : (JSON.parse(text) as T));

export function findDisclosureRow(db: PlatformDb, id: string): DisclosureRow | undefined {
  return db.prepare('SELECT * FROM disclosures WHERE id = ?').get(id) as DisclosureRow | undefined;
}

function amendments(db: PlatformDb, id: string): Amendment[] {
  const rows = db.prepare('SELECT * FROM disclosure_amendments WHERE disclosure_id = ? ORDER BY ordinal').all(id) as AmendmentRow[];
  return rows.map((r) => ({
    id: r.id, at: r.at, staffId: r.staff_id, staffName: r.staff_name, reason: r.reason, changes: JSON.parse(r.changes) as Amendment['changes'],
  }));
}

/** The entry as the contract describes it, with its files and amendments from their own tables. */
export function disclosureRecord(db: PlatformDb, row: DisclosureRow): Disclosure {
  const files = registerFiles(db, row.id);
  const scan = files.find((f) => f.id === row.scan_file_id);
  if (!scan) throw new Error(`register entry ${row.id} has lost its scan`);
  const approval =
    row.approved_by === null || row.approved_at === null
      ? null
      : { staffId: row.approved_by, staffName: row.approved_by_name ?? row.approved_by, at: row.approved_at, note: row.approval_note ?? '' };
  const production =
    row.delivery_method === null || row.disclosed_at === null
      ? null
      : {
          files: files.filter((f) => f.role === 'production').map(({ role: _role, ...file }) => file),
          deliveryMethod: row.delivery_method,
          receipt: files.filter((f) => f.id === row.receipt_file_id).map(({ role: _role, ...file }) => file)[0] ?? null,
          disclosedAt: row.disclosed_at,
        };
  const { role: _role, ...scanFile } = scan;
  return {
    id: row.id,
    registerNumber: row.register_number,
    status: row.status,
    request: JSON.parse(row.request) as DisclosureRequest,
    original: JSON.parse(row.original) as DisclosureRequest,
    scan: scanFile,
    preparedBy: row.prepared_by,
    preparedByName: row.prepared_by_name,
    preparedAt: row.prepared_at,
    scopeDisclosed: parseColumn<DisclosureScope>(row.scope_disclosed),
    overDisclosure: parseColumn<Disclosure['overDisclosure']>(row.over_disclosure),
    approval,
    production,
    outcome: row.outcome,
    refusalReason: row.refusal_reason,
    userNotifiedAt: row.user_notified_at,
    amendments: amendments(db, row.id),
    version: row.version,
    updatedAt: row.updated_at,
  };
}
