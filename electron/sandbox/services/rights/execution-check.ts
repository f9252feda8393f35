import type { PlatformDb } from '../../store/database';
import type { UserRow } from '../records';
import { ANONYMISED_LISTING_TITLE, ANONYMISED_NICKNAME, ANONYMISED_PHONE } from './anonymous-values';
import type { ExecutionResult } from './request-execution';

const count = (db: PlatformDb, sql: string, ...args: unknown[]) => (db.prepare(sql).get(...args) as { n: number }).n;

/**
 * Re-reads the account and its records after execution and says what, if anything, does not
 * match what the steps claim: the ticket is completed only when the database agrees.
 */
export function executionMismatch(db: PlatformDb, result: ExecutionResult): string | null {
  const user = db.prepare('SELECT * FROM users WHERE id = ?').get(result.userId) as UserRow | undefined;
  if (!user) return `the account ${result.userId} is missing`;
  if (result.correctedNickname !== null && user.nickname !== result.correctedNickname) return 'the nickname was not corrected';
  for (const { listingId, fate } of result.listings) {
    const row = db.prepare('SELECT status, title, contact_phone FROM listings WHERE id = ?').get(listingId) as
      | { status: string; title: string; contact_phone: string }
      | undefined;
    if (fate.outcome === 'deleted' && row) return `listing ${listingId} still exists`;
    if (fate.outcome === 'anonymised' && (row?.status !== 'anonymised' || row.title !== ANONYMISED_LISTING_TITLE || row.contact_phone !== ANONYMISED_PHONE)) {
      return `listing ${listingId} is not anonymised`;
    }
  }
  for (const t of [...result.listings.flatMap((l) => l.transactions), ...(result.account?.transactions ?? [])]) {
    const row = db.prepare('SELECT anonymised FROM transactions WHERE id = ?').get(t.id) as { anonymised: number } | undefined;
    if (t.fate.outcome === 'deleted' ? row !== undefined : row?.anonymised !== 1) return `transaction ${t.id} is not as the steps say`;
  }
  if (result.account) {
    if (user.status !== 'anonymised' || user.nickname !== ANONYMISED_NICKNAME || user.phone !== ANONYMISED_PHONE || user.device_id !== '' || user.last_ip !== '') {
      return 'the account is not anonymised';
    }
    if (count(db, "SELECT count(*) AS n FROM listings WHERE seller_id = ? AND status <> 'anonymised'", user.id) > 0) return 'the account still has listings';
    if (count(db, 'SELECT count(*) AS n FROM reports WHERE reporter_id = ?', user.id) > 0) return 'reports the user made remain';
    if (count(db, 'SELECT count(*) AS n FROM login_logs WHERE user_id = ? AND anonymised = 0', user.id) > 0) return 'login logs remain identifiable';
    if (count(db, 'SELECT count(*) AS n FROM transactions WHERE (buyer_id = @u OR seller_id = @u) AND anonymised = 0', { u: user.id }) > 0) {
      return 'transactions remain identifiable';
    }
  }
  return null;
}
