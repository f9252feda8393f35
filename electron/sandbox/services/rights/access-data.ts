import type { AccessData } from '../../../../shared/platform/rights';
import type { PlatformContract } from '../../../../shared/platform/contract';
import { signedInStaff } from '../../http/context';
import { ApiFailure } from '../../http/failure';
import type { Handler } from '../../http/router';
import type { PlatformDb } from '../../store/database';
import { appendAudit } from '../audit';
import { findUserRow, type ListingRow } from '../records';
import { findTicketRow, type TicketRow } from './ticket-record';
import { invalidTransition, saveTicket, ticketAt } from './ticket-writes';

/** Only an approved access request opens the user's data, and only until it is answered. */
function approvedAccess(db: PlatformDb, ticketId: string): TicketRow {
  const row = findTicketRow(db, ticketId);
  if (!row) throw new ApiFailure('not_found', `no rights ticket ${ticketId}`, { path: 'params.ticketId' });
  if (row.type !== 'access' || row.state !== 'approved') throw invalidTransition(row, 'export the data of');
  return row;
}

function loginSummary(db: PlatformDb, userId: string): AccessData['loginSummary'] {
  const totals = db.prepare('SELECT count(*) AS n, min(at) AS first, max(at) AS last FROM login_logs WHERE user_id = ?').get(userId) as {
    n: number; first: string | null; last: string | null;
  };
  const regions = db.prepare('SELECT DISTINCT region FROM login_logs WHERE user_id = ? ORDER BY region').all(userId) as { region: string }[];
  return { count: totals.n, first: totals.first, last: totals.last, regions: regions.map((r) => r.region) };
}

/** The other party of a transaction is another user: the package says only which side they were on. */
function transactions(db: PlatformDb, userId: string): AccessData['transactions'] {
  const rows = db
    .prepare('SELECT id, buyer_id, amount_fen, at FROM transactions WHERE buyer_id = @u OR seller_id = @u ORDER BY at')
    .all({ u: userId }) as { id: string; buyer_id: string; amount_fen: number; at: string }[];
  return rows.map((t) => {
    const role = t.buyer_id === userId ? 'buyer' : 'seller';
    return { id: t.id, role, amountFen: t.amount_fen, counterparty: role === 'buyer' ? '卖家（已脱敏）' : '买家（已脱敏）', at: t.at };
  });
}

/**
 * The user's own personal information for an approved access request: their registered phone in
 * full (it is theirs), listings, login summary, reports they made, decisions about their listings,
 * transactions. Every export is on the audit trail.
 */
export const getAccessData: Handler<PlatformContract['getAccessData']> = (ctx, { params }) => {
  const staff = signedInStaff(ctx);
  const row = approvedAccess(ctx.db, params.ticketId);
  const user = findUserRow(ctx.db, row.user_id)!;
  const listings = ctx.db.prepare('SELECT * FROM listings WHERE seller_id = ? ORDER BY created_at').all(user.id) as ListingRow[];
  const reports = ctx.db.prepare('SELECT listing_id, reason, created_at FROM reports WHERE reporter_id = ? ORDER BY created_at').all(user.id) as {
    listing_id: string; reason: string; created_at: string;
  }[];
  const decisions = ctx.db
    .prepare(
      `SELECT d.listing_id, d.action, d.reason_code, d.notice, d.decided_at FROM decisions d JOIN listings l ON l.id = d.listing_id
       WHERE l.seller_id = ? AND d.undone_at IS NULL ORDER BY d.decided_at`,
    )
    .all(user.id) as { listing_id: string; action: string; reason_code: string | null; notice: string; decided_at: string }[];
  const now = ctx.now();
  const data: AccessData = {
    generatedAt: now.toISOString(),
    account: { id: user.id, nickname: user.nickname, phone: user.phone, status: user.status, registeredAt: user.registered_at, lastLoginAt: user.last_login_at },
    listings: listings.map((l) => ({
      id: l.id, title: l.title, body: l.body, category: l.category, priceFen: l.price_fen, status: l.status, createdAt: l.created_at, displayUntil: l.display_until,
    })),
    loginSummary: loginSummary(ctx.db, user.id),
    reportsMade: reports.map((r) => ({ listingId: r.listing_id, reason: r.reason, createdAt: r.created_at })),
    decisionsAbout: decisions.map((d) => ({ listingId: d.listing_id, action: d.action, reasonCode: d.reason_code, notice: d.notice, decidedAt: d.decided_at })),
    transactions: transactions(ctx.db, user.id),
  };
  ctx.db.transaction(() =>
    appendAudit(ctx.db, {
      at: now,
      staffId: staff.id,
      action: 'rights.access_data',
      subject: `rights_ticket:${row.id}`,
      detail: { number: row.number, userId: user.id, listings: data.listings.length, transactions: data.transactions.length },
    }),
  )();
  return data;
};

/** Records what was handed over: the package's SHA-256 and each file's, so it can be proved later. */
export const recordAccessPackage: Handler<PlatformContract['recordAccessPackage']> = (ctx, { params, body }) =>
  ctx.db.transaction(() => {
    const row = ticketAt(ctx, params.ticketId, body.basedOnVersion);
    approvedAccess(ctx.db, row.id);
    const accessPackage = { sha256: body.sha256, createdAt: ctx.now().toISOString(), files: body.files };
    const ticket = saveTicket(ctx, row, {
      set: { access_package: JSON.stringify(accessPackage) },
      audit: { action: 'rights.access_package', detail: { sha256: body.sha256, files: body.files } },
    });
    return { ticket };
  })();
