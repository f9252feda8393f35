import type * as Generator from '../seed';
import type { SeedRegisterEntry, StoryAccounts } from '../seed';
import type { PlatformDb } from './database';

/** Accounts the register's stories need: two the seeded holds cover, and a dozen no hold or ticket touches. */
function registerAccounts(db: PlatformDb): StoryAccounts {
  const hold = (id: string) => {
    const row = db.prepare('SELECT user_id, reference FROM legal_holds WHERE id = ?').get(id) as { user_id: string; reference: string } | undefined;
    if (!row) throw new Error(`the register is seeded after the holds, and ${id} is missing`);
    return { userId: row.user_id, reference: row.reference };
  };
  const untouched = db
    .prepare(
      `SELECT id FROM users WHERE id NOT IN (SELECT user_id FROM legal_holds) AND id NOT IN (SELECT user_id FROM rights_tickets)
       ORDER BY id DESC LIMIT 12`,
    )
    .all() as { id: string }[];
  return { preserved: hold('hold_0001'), pending: hold('hold_0003'), others: untouched.map((u) => u.id) };
}

function insertEntry(db: PlatformDb, { disclosure: d, files }: SeedRegisterEntry): void {
  db.prepare(
    `INSERT INTO disclosures (id, register_number, status, request, original, scan_file_id, prepared_by, prepared_by_name, prepared_at,
       scope_disclosed, over_disclosure, approved_by, approved_by_name, approved_at, approval_note, delivery_method, disclosed_at, receipt_file_id,
       outcome, refusal_reason, user_notified_at, version, updated_at)
     VALUES (@id, @registerNumber, @status, @request, @original, @scanFileId, @preparedBy, @preparedByName, @preparedAt,
       @scopeDisclosed, @overDisclosure, @approvedBy, @approvedByName, @approvedAt, @approvalNote, @deliveryMethod, @disclosedAt, @receiptFileId,
       @outcome, @refusalReason, @userNotifiedAt, @version, @updatedAt)`,
  ).run({
    id: d.id, registerNumber: d.registerNumber, status: d.status, request: JSON.stringify(d.request), original: JSON.stringify(d.original),
    scanFileId: d.scan.id, preparedBy: d.preparedBy, preparedByName: d.preparedByName, preparedAt: d.preparedAt,
    scopeDisclosed: d.scopeDisclosed === null ? null : JSON.stringify(d.scopeDisclosed),
    overDisclosure: d.overDisclosure === null ? null : JSON.stringify(d.overDisclosure),
    approvedBy: d.approval?.staffId ?? null, approvedByName: d.approval?.staffName ?? null, approvedAt: d.approval?.at ?? null, approvalNote: d.approval?.note ?? null,
    deliveryMethod: d.production?.deliveryMethod ?? null, disclosedAt: d.production?.disclosedAt ?? null, receiptFileId: d.production?.receipt?.id ?? null,
    outcome: d.outcome, refusalReason: d.refusalReason, userNotifiedAt: d.userNotifiedAt, version: d.version, updatedAt: d.updatedAt,
  });
  const meta = new Map([d.scan, ...(d.production?.files ?? []), ...(d.production?.receipt ? [d.production.receipt] : [])].map((f) => [f.id, f]));
  const insertFile = db.prepare(
    `INSERT INTO register_files (id, disclosure_id, role, ordinal, name, media_type, size_bytes, sha256, content, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const f of files) {
    const m = meta.get(f.id)!;
    const at = f.role === 'scan' ? d.preparedAt : d.production!.disclosedAt;
    insertFile.run(f.id, d.id, f.role, f.ordinal, m.name, m.mediaType, m.sizeBytes, m.sha256, Buffer.from(f.content), at);
  }
  const insertAmendment = db.prepare(
    'INSERT INTO disclosure_amendments (id, disclosure_id, ordinal, at, staff_id, staff_name, reason, changes) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  d.amendments.forEach((a, i) => insertAmendment.run(a.id, d.id, i, a.at, a.staffId, a.staffName, a.reason, JSON.stringify(a.changes)));
}

/**
 * The lawful-disclosure register of the seeded world, written after the holds it refers to and
 * put in the change feed like every other record.
 */
export function seedLegalRegister(db: PlatformDb, generator: Pick<typeof Generator, 'seedRegister'>, anchor: Date): void {
  const feed = db.prepare("INSERT INTO feed (entity_type, entity_id, op) VALUES ('disclosure', ?, 'upsert')");
  for (const entry of generator.seedRegister(anchor.getTime(), registerAccounts(db))) {
    insertEntry(db, entry);
    feed.run(entry.disclosure.id);
  }
}
