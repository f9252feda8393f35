import type { z } from 'zod';
import type { DisclosureRow, HoldRow, LegalReminder, RegisterAccount } from '../../../shared/ipc/legal-views';
import { Disclosure } from '../../../shared/platform/disclosure-entities';
import { LegalHold, Processor } from '../../../shared/platform/legal-entities';
import { mayApprove } from '../../../shared/legal/disclosure-rules';
import type { SqliteDb } from '../storage/migrations';

type Account = z.infer<typeof RegisterAccount>;
type Reminder = z.infer<typeof LegalReminder>;

const records = <T>(db: SqliteDb, sql: string, parse: (value: unknown) => T, ...params: unknown[]): T[] =>
  (db.prepare(sql).all(...params) as { record: string }[]).map((r) => parse(JSON.parse(r.record)));

export const disclosures = (db: SqliteDb): Disclosure[] => records(db, 'SELECT record FROM disclosures ORDER BY received_at DESC', (v) => Disclosure.parse(v));

export function disclosureById(db: SqliteDb, id: string): Disclosure | null {
  return records(db, 'SELECT record FROM disclosures WHERE id = ?', (v) => Disclosure.parse(v), id)[0] ?? null;
}

/** Accounts as legal staff see them in the register: nickname and masked phone from the cache. */
export function registerAccounts(db: SqliteDb, userIds: readonly string[]): Account[] {
  const lookup = db.prepare('SELECT nickname, phone_masked FROM users WHERE id = ?');
  return [...new Set(userIds)].map((userId) => {
    const row = lookup.get(userId) as { nickname: string; phone_masked: string } | undefined;
    return { userId, nickname: row?.nickname ?? null, phoneMasked: row?.phone_masked ?? null };
  });
}

function rowOf(d: Disclosure): DisclosureRow {
  const r = d.request;
  return {
    id: d.id, registerNumber: d.registerNumber, status: d.status, receivedAt: r.receivedAt, authorityType: r.authorityType,
    authorityName: r.authorityName, documentNumber: r.documentNumber, emergency: r.emergency, noNotify: r.noNotify, domestic: r.domestic,
    accounts: new Set([...r.scopeRequested.userIds, ...(d.scopeDisclosed?.userIds ?? [])]).size, overDisclosure: d.overDisclosure !== null,
    outcome: d.outcome, preparedByName: d.preparedByName, amendments: d.amendments.length,
  };
}

export function disclosureRows(db: SqliteDb, query: { status?: Disclosure['status']; search?: string }): DisclosureRow[] {
  const needle = query.search?.trim().toLowerCase();
  return disclosures(db)
    .filter((d) => !query.status || d.status === query.status)
    .filter((d) => !needle || [d.registerNumber, d.request.documentNumber, d.request.authorityName, d.request.caseCause].some((text) => text.toLowerCase().includes(needle)))
    .map(rowOf);
}

export function disclosureDetail(db: SqliteDb, disclosure: Disclosure, staffId: string) {
  const userIds = [...disclosure.request.scopeRequested.userIds, ...disclosure.original.scopeRequested.userIds, ...(disclosure.scopeDisclosed?.userIds ?? [])];
  return {
    disclosure,
    accounts: registerAccounts(db, userIds),
    mayApprove: disclosure.status === 'awaiting_approval' && mayApprove(disclosure.preparedBy, staffId),
  };
}

const isActive = (hold: LegalHold, now: Date) => hold.liftedAt === null && (hold.expiresAt === null || Date.parse(hold.expiresAt) > now.getTime());

export function holdRows(db: SqliteDb, view: 'active' | 'all', now: Date): z.infer<typeof HoldRow>[] {
  const holds = records(db, 'SELECT record FROM legal_holds', (v) => LegalHold.parse(v));
  return holds
    .filter((h) => view === 'all' || isActive(h, now))
    .sort((a, b) => b.placedAt.localeCompare(a.placedAt))
    .map((hold) => ({ ...hold, account: registerAccounts(db, [hold.userId])[0]!, active: isActive(hold, now) }));
}

export function holdRow(db: SqliteDb, hold: LegalHold, now: Date): z.infer<typeof HoldRow> {
  return { ...hold, account: registerAccounts(db, [hold.userId])[0]!, active: isActive(hold, now) };
}

export const processors = (db: SqliteDb): Processor[] =>
  records(db, 'SELECT record FROM processors', (v) => Processor.parse(v)).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));

/** How far ahead each kind of reminder shows: a hold lapsing, a processor review, a no-notify order ending. */
export const REMINDER_DAYS = { hold_expiring: 14, processor_review: 30, no_notify_ending: 7 } as const;

const dayOf = (instant: string) => new Date(Date.parse(instant) + 8 * 3_600_000).toISOString().slice(0, 10);

export function reminders(db: SqliteDb, now: Date): Reminder[] {
  const today = dayOf(now.toISOString());
  const horizon = (days: number) => dayOf(new Date(now.getTime() + days * 86_400_000).toISOString());
  const due = (kind: Reminder['kind'], subjectId: string, subject: string, dueOn: string): Reminder[] =>
    dueOn <= horizon(REMINDER_DAYS[kind]) ? [{ kind, subjectId, subject, dueOn, overdue: dueOn < today }] : [];
  const holdReminders = holdRows(db, 'active', now).flatMap((h) => (h.expiresAt ? due('hold_expiring', h.id, h.reference, dayOf(h.expiresAt)) : []));
  const reviewReminders = processors(db).flatMap((p) => due('processor_review', p.id, p.name, p.reviewDate));
  // A no-notify order that ends means the user must now be told, unless they already were.
  const noNotify = disclosures(db).flatMap((d) =>
    d.request.noNotify && d.request.noNotifyUntil && d.userNotifiedAt === null && d.outcome !== 'none_found' && d.outcome !== 'refused'
      ? due('no_notify_ending', d.id, d.registerNumber, d.request.noNotifyUntil)
      : [],
  );
  return [...holdReminders, ...reviewReminders, ...noNotify].sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.dueOn.localeCompare(b.dueOn));
}
