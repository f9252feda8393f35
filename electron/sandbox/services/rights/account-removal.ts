import { recordFate, type RecordFate } from '../../../../shared/rights/execution-steps';
import type { PlatformDb } from '../../store/database';
import { recordChange } from '../change-log';
import { ANONYMISED_NICKNAME, ANONYMISED_PHONE, anonymisedIp } from './anonymous-values';
import { settleTransactions, type TransactionFate } from './listing-removal';

/** What cancelling an account does beyond its listings. */
export interface AccountRemoval {
  /** Transactions as a buyer, and any as a seller not already settled with a listing. */
  transactions: TransactionFate[];
  reportIds: string[];
  loginLogs: { seq: number; fate: RecordFate }[];
}

export function planAccountRemoval(db: PlatformDb, userId: string, settled: ReadonlySet<string>, now: Date): AccountRemoval {
  const transactions = (
    db
      .prepare('SELECT id, at FROM transactions WHERE (buyer_id = @u OR seller_id = @u) AND anonymised = 0 ORDER BY id')
      .all({ u: userId }) as { id: string; at: string }[]
  )
    .filter((t) => !settled.has(t.id))
    .map((t) => ({ id: t.id, fate: recordFate('transaction', t.at, now) }));
  const reportIds = (db.prepare('SELECT id FROM reports WHERE reporter_id = ? ORDER BY id').all(userId) as { id: string }[]).map((r) => r.id);
  const loginLogs = (db.prepare('SELECT seq, at FROM login_logs WHERE user_id = ? AND anonymised = 0 ORDER BY seq').all(userId) as { seq: number; at: string }[]).map(
    (l) => ({ seq: l.seq, fate: recordFate('login_log', l.at, now) }),
  );
  return { transactions, reportIds, loginLogs };
}

/**
 * The account itself becomes 已注销用户 with no phone, device or address to link it by; what the
 * law keeps (recent logins, transactions) stays attached to that empty shell, anonymised.
 * Call inside a transaction.
 */
export function applyAccountRemoval(db: PlatformDb, userId: string, removal: AccountRemoval, at: string): void {
  settleTransactions(db, removal.transactions);
  const dropReport = db.prepare('DELETE FROM reports WHERE id = ?');
  for (const id of removal.reportIds) {
    dropReport.run(id);
    recordChange(db, 'report', id, 'delete');
  }
  const dropLog = db.prepare('DELETE FROM login_logs WHERE user_id = ? AND seq = ?');
  const keepLog = db.prepare('UPDATE login_logs SET anonymised = 1, ip = ? WHERE user_id = ? AND seq = ?');
  const ipOf = db.prepare('SELECT ip FROM login_logs WHERE user_id = ? AND seq = ?');
  for (const log of removal.loginLogs) {
    if (log.fate.outcome === 'deleted') dropLog.run(userId, log.seq);
    else keepLog.run(anonymisedIp((ipOf.get(userId, log.seq) as { ip: string }).ip), userId, log.seq);
  }
  db.prepare(
    `UPDATE users SET nickname = ?, phone = ?, status = 'anonymised', device_id = '', last_ip = '', risk_signals = '[]',
       version = version + 1, updated_at = ? WHERE id = ?`,
  ).run(ANONYMISED_NICKNAME, ANONYMISED_PHONE, at, userId);
  recordChange(db, 'user', userId);
}
