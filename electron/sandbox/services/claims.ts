import type { PlatformContract } from '../../../shared/platform/contract';
import type { Claim } from '../../../shared/platform/entities';
import { appendAudit } from './audit';
import { recordChange } from './change-log';
import { claimRecord, SELECT_CLAIM, type ClaimRow } from './records';
import { signedInStaff, type RequestContext } from '../http/context';
import { ApiFailure } from '../http/failure';
import type { Handler } from '../http/router';

/** The live claim on a listing; an expired lease counts as no claim. */
export function activeClaim(ctx: RequestContext, listingId: string): Claim | undefined {
  const row = ctx.db.prepare(`${SELECT_CLAIM} WHERE c.listing_id = ? AND c.expires_at > ?`).get(listingId, ctx.now().toISOString()) as
    | ClaimRow
    | undefined;
  return row && claimRecord(row);
}

export function claimConflict(claim: Claim): ApiFailure {
  return new ApiFailure('claim_conflict', `listing ${claim.listingId} is claimed by ${claim.holder.displayName} until ${claim.expiresAt}`, {
    conflict: { holder: { ...claim.holder, expiresAt: claim.expiresAt } },
  });
}

export function releaseClaimsOf(ctx: RequestContext, listingId: string, staffId: string): boolean {
  const released = ctx.db.prepare('DELETE FROM claims WHERE listing_id = ? AND staff_id = ?').run(listingId, staffId).changes > 0;
  if (released) recordChange(ctx.db, 'claim', listingId, 'delete');
  return released;
}

export const listClaims: Handler<PlatformContract['listClaims']> = (ctx) => {
  const rows = ctx.db.prepare(`${SELECT_CLAIM} WHERE c.expires_at > ? ORDER BY c.listing_id`).all(ctx.now().toISOString()) as ClaimRow[];
  return { claims: rows.map(claimRecord) };
};

export const createClaims: Handler<PlatformContract['createClaims']> = (ctx, { body }) => {
  const staff = signedInStaff(ctx);
  return ctx.db.transaction(() => {
    const now = ctx.now();
    const expires = new Date(now.getTime() + ctx.settings.claimTtlSeconds * 1000).toISOString();
    const listingIds = [...new Set(body.listingIds)];
    for (const id of listingIds) {
      if (!ctx.db.prepare('SELECT 1 FROM listings WHERE id = ?').get(id)) {
        throw new ApiFailure('not_found', `no listing ${id}`, { path: 'body.listingIds' });
      }
      const held = activeClaim(ctx, id);
      if (held && held.holder.staffId !== staff.id) throw claimConflict(held);
    }
    const upsert = ctx.db.prepare(`
      INSERT INTO claims (listing_id, staff_id, claimed_at, expires_at) VALUES (?, ?, ?, ?)
      ON CONFLICT(listing_id) DO UPDATE SET staff_id = excluded.staff_id, expires_at = excluded.expires_at,
        claimed_at = CASE WHEN claims.staff_id = excluded.staff_id AND claims.expires_at > excluded.claimed_at
                          THEN claims.claimed_at ELSE excluded.claimed_at END`);
    for (const id of listingIds) {
      upsert.run(id, staff.id, now.toISOString(), expires);
      recordChange(ctx.db, 'claim', id);
      // One event per listing, so a listing's history shows who held it; renewals are not recorded.
      appendAudit(ctx.db, { at: now, staffId: staff.id, action: 'moderation.claim', subject: `listing:${id}`, detail: { expiresAt: expires } });
    }
    return { claims: listingIds.map((id) => activeClaim(ctx, id)!) };
  })();
};

export const renewClaim: Handler<PlatformContract['renewClaim']> = (ctx, { params }) => {
  const staff = signedInStaff(ctx);
  const held = activeClaim(ctx, params.listingId);
  if (!held || held.holder.staffId !== staff.id) {
    if (held) throw claimConflict(held);
    throw new ApiFailure('claim_not_held', `you hold no claim on ${params.listingId}; claim it again`);
  }
  const expires = new Date(ctx.now().getTime() + ctx.settings.claimTtlSeconds * 1000).toISOString();
  ctx.db.prepare('UPDATE claims SET expires_at = ? WHERE listing_id = ?').run(expires, params.listingId);
  recordChange(ctx.db, 'claim', params.listingId);
  return activeClaim(ctx, params.listingId)!;
};

/** Releasing nothing changes nothing, so only a real release is audited. */
export const releaseClaim: Handler<PlatformContract['releaseClaim']> = (ctx, { params }) => {
  const staff = signedInStaff(ctx);
  return ctx.db.transaction(() => {
    const released = releaseClaimsOf(ctx, params.listingId, staff.id);
    if (released) appendAudit(ctx.db, { at: ctx.now(), staffId: staff.id, action: 'moderation.claim_release', subject: `listing:${params.listingId}`, detail: {} });
    return { released };
  })();
};
