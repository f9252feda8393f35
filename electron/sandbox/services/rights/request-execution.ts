import type { ExecutionStep } from '../../../../shared/platform/rights-entities';
import { stepsOf } from '../../../../shared/rights/execution-steps';
import type { PlatformDb } from '../../store/database';
import { recordChange } from '../change-log';
import { applyAccountRemoval, planAccountRemoval, type AccountRemoval } from './account-removal';
import { applyListingRemoval, planListingRemoval, type ListingRemoval } from './listing-removal';
import type { TicketRow } from './ticket-record';

/** Everything one execution did, record by record: the steps and the check afterwards both read it. */
export interface ExecutionResult {
  userId: string;
  correctedNickname: string | null;
  listings: ListingRemoval[];
  /** Set for a cancellation or a deceased user's relative: the account itself goes. */
  account: AccountRemoval | null;
}

function listingsToRemove(db: PlatformDb, ticket: TicketRow, wholeAccount: boolean): string[] {
  const named = JSON.parse(ticket.listing_ids) as string[];
  const rows = (
    wholeAccount || named.length === 0
      ? db.prepare("SELECT id FROM listings WHERE seller_id = ? AND status <> 'anonymised' ORDER BY id").all(ticket.user_id)
      : // A named listing the retention sweep already removed has nothing left to do.
        named.flatMap((id) => db.prepare("SELECT id FROM listings WHERE id = ? AND status <> 'anonymised'").all(id))
  ) as { id: string }[];
  return rows.map((r) => r.id);
}

/**
 * Carries out an approved correction, deletion, cancellation or relative's request. What the law
 * keeps is decided record by record with shared/rights/retention-policy. Call inside a transaction.
 */
export function applyRequest(db: PlatformDb, ticket: TicketRow, now: Date): ExecutionResult {
  const at = now.toISOString();
  const result: ExecutionResult = { userId: ticket.user_id, correctedNickname: null, listings: [], account: null };
  if (ticket.type === 'correction') {
    const { value } = JSON.parse(ticket.correction!) as { field: 'nickname'; value: string };
    db.prepare('UPDATE users SET nickname = ?, version = version + 1, updated_at = ? WHERE id = ?').run(value, at, ticket.user_id);
    recordChange(db, 'user', ticket.user_id);
    result.correctedNickname = value;
    return result;
  }
  const wholeAccount = ticket.type === 'cancellation' || ticket.type === 'deceased_relative';
  result.listings = listingsToRemove(db, ticket, wholeAccount).map((id) => planListingRemoval(db, id, now));
  if (wholeAccount) {
    const settled = new Set(result.listings.flatMap((l) => l.transactions.map((t) => t.id)));
    result.account = planAccountRemoval(db, ticket.user_id, settled, now);
  }
  for (const removal of result.listings) applyListingRemoval(db, removal, at);
  if (result.account) applyAccountRemoval(db, ticket.user_id, result.account, at);
  return result;
}

/** The steps a ticket shows: one per kind of record, outcome and legal basis. */
export function executionSteps(result: ExecutionResult): ExecutionStep[] {
  const account: ExecutionStep[] = result.correctedNickname !== null
    ? [{ subject: 'account', count: 1, outcome: 'corrected', basis: null, keptUntil: null }]
    : result.account
      ? [{ subject: 'account', count: 1, outcome: 'anonymised', basis: null, keptUntil: null }]
      : [];
  const transactions = [...result.listings.flatMap((l) => l.transactions), ...(result.account?.transactions ?? [])];
  return [
    ...account,
    ...stepsOf('listing', result.listings.map((l) => l.fate)),
    ...stepsOf('transaction', transactions.map((t) => t.fate)),
    ...stepsOf('login_log', (result.account?.loginLogs ?? []).map((l) => l.fate)),
    ...stepsOf('report', (result.account?.reportIds ?? []).map(() => ({ outcome: 'deleted' as const, basis: null, keptUntil: null }))),
  ];
}
