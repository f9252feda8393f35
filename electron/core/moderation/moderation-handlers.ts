import { randomUUID } from 'node:crypto';
import { renderNotice } from '../../../shared/moderation/notices';
import { BULK_CONFIRMATION_THRESHOLD } from '../../../shared/ipc/moderation-views';
import type { StaffProfile } from '../../../shared/platform/entities';
import { claimOf, dropClaim, historyOf, moderationDashboard, openAppealOf, storeClaim } from '../cache/moderation-reads';
import { parseQueueQuery, queuePage, queueRows, summaryBeside } from '../cache/moderation-queue';
import { DeskFailure } from '../errors';
import type { HandlerTable } from '../handlers';
import type { AccountWorkspace } from '../session/account-workspace';
import { visibleQueues } from './visible-queues';

export interface ModerationDeps {
  workspace(): AccountWorkspace;
  staff(): StaffProfile;
}

type ModerationChannels =
  | 'moderation:queue' | 'moderation:listing' | 'moderation:listings' | 'moderation:open' | 'moderation:release' | 'moderation:next'
  | 'moderation:undo' | 'moderation:flagFeedback' | 'moderation:clusters' | 'moderation:bulk' | 'moderation:bulkUndo'
  | 'moderation:dashboard';

/** The moderator's channels: queues and listings from the cache, claims and bulk actions live on the platform. */
export function moderationHandlers({ workspace, staff }: ModerationDeps): Pick<HandlerTable, ModerationChannels> {
  const context = (ws: AccountWorkspace) => ({
    now: new Date(),
    staffId: staff().id,
    undecided: ws.outbox.undelivered().map((e) => e.listingId),
  });

  /** Claims on the platform; offline, work goes on unclaimed and a conflict surfaces at delivery. */
  async function open(ws: AccountWorkspace, listingId: string) {
    try {
      const { claims } = await ws.client.call('createClaims', { body: { listingIds: [listingId] } });
      ws.replica.writing(() => claims.forEach((claim) => storeClaim(ws.replica.db, claim)));
      return { claimed: true, holderName: null, expiresAt: claims[0]?.expiresAt ?? null };
    } catch (error) {
      if (error instanceof DeskFailure && error.code === 'claim_conflict' && error.extra.conflict?.holder) {
        const holder = error.extra.conflict.holder;
        return { claimed: false, holderName: holder.displayName, expiresAt: holder.expiresAt };
      }
      if (error instanceof DeskFailure && error.transient) return { claimed: true, holderName: null, expiresAt: null };
      throw error;
    }
  }

  return {
    'moderation:queue': async (input) => {
      const ws = workspace();
      const ctx = context(ws);
      const page = queuePage(ws.replica.db, parseQueueQuery(input), ctx, 'fastest', ws.queueMemo);
      // The tabs' sizes scan whole queues (seconds at a million listings): on the side connection.
      return { ...page, summaries: await ws.queueSummaries(visibleQueues(staff().roles), ctx) };
    },
    'moderation:listing': (input) => {
      const ws = workspace();
      const listing = ws.replica.listing(input.listingId);
      if (!listing) throw new DeskFailure('not_found', `listing ${input.listingId} is not in the cache`);
      const seller = ws.replica.user(listing.sellerId);
      const undelivered = ws.outbox.undelivered().find((e) => e.listingId === listing.id) ?? null;
      const claim = claimOf(ws.replica.db, listing.id, new Date());
      return {
        listing,
        seller: seller ? { ...seller, otherListingCount: ws.replica.otherListingCount(seller.id, listing.id) } : null,
        reports: ws.replica.reportsOn(listing.id),
        undelivered: undelivered && ws.publicEntry(undelivered),
        flags: ws.replica.flags.flagsOf(listing.id),
        claim: claim && { holderName: claim.holder.displayName, expiresAt: claim.expiresAt, mine: claim.holder.staffId === staff().id },
        history: historyOf(ws.replica.db, listing.id),
        appeal: openAppealOf(ws.replica.db, listing.id),
        cluster: ws.clusters.ofListing(listing.id),
      };
    },
    'moderation:open': (input) => open(workspace(), input.listingId),
    'moderation:release': async (input) => {
      const ws = workspace();
      ws.replica.writing(() => dropClaim(ws.replica.db, input.listingId));
      const { released } = await ws.client.call('releaseClaim', { params: { listingId: input.listingId } }).catch(() => ({ released: false }));
      return { released };
    },
    'moderation:next': async (input) => {
      const ws = workspace();
      const { afterListingId, ...query } = input;
      const parsed = parseQueueQuery({ ...query, offset: 0, limit: 100 });
      const rows = queueRows(ws.replica.db, parsed, context(ws));
      const at = rows.findIndex((r) => r.id === afterListingId);
      // After the current item first, then from the top: "next" keeps the queue's order.
      const candidates = [...rows.slice(at + 1), ...rows.slice(0, Math.max(0, at))].filter((r) => !r.claim || r.claim.mine);
      for (const candidate of candidates.slice(0, 10)) {
        if ((await open(ws, candidate.id)).claimed) return { listingId: candidate.id };
      }
      return { listingId: null };
    },
    'moderation:undo': async () => {
      const ws = workspace();
      const last = ws.outbox.latest();
      if (!last) return { undone: false, listingId: null };
      if (ws.outbox.cancel(last.id)) {
        ws.outboxChanged();
        return { undone: true, listingId: last.listingId };
      }
      const decisionId = ws.outbox.decisionIdOf(last.id);
      if (last.state !== 'delivered' || !decisionId) return { undone: false, listingId: last.listingId };
      const { listing } = await ws.client.call('undoDecision', { params: { decisionId } });
      ws.replica.applyListing(listing);
      ws.cacheChanged(['listing']);
      return { undone: true, listingId: listing.id };
    },
    'moderation:flagFeedback': async (input) => {
      const ws = workspace();
      const feedback = await ws.client.call('recordFlagFeedback', { body: { listingId: input.listingId, rule: input.rule, verdict: 'false_positive' } });
      ws.replica.recordFlagFeedback(feedback);
      ws.cacheChanged(['flag_feedback']);
      return { recorded: true };
    },
    'moderation:clusters': () => ({ clusters: workspace().clusters.all() }),
    'moderation:listings': (input) => {
      const ws = workspace();
      // In the order asked; a listing gone from the cache (decided and purged) is left out.
      return { listings: input.listingIds.flatMap((id) => ws.replica.listing(id) ?? []) };
    },
    'moderation:bulk': async (input) => {
      const ws = workspace();
      if (!input.dryRun && input.listingIds.length > BULK_CONFIRMATION_THRESHOLD && input.confirmation !== String(input.listingIds.length)) {
        throw new DeskFailure('invalid_input', `more than ${BULK_CONFIRMATION_THRESHOLD} items: type their number to confirm`, { path: 'input.confirmation' });
      }
      const items = input.listingIds.map((listingId) => {
        const listing = ws.replica.listing(listingId);
        if (!listing) throw new DeskFailure('not_found', `listing ${listingId} is not in the cache`, { path: 'input.listingIds' });
        // Each user reads a notice naming their own listing: the batch's template is filled per item.
        return { listingId, basedOnVersion: listing.version, notice: renderNotice(input.notice ?? '', { title: listing.title, listingId }) };
      });
      const { listingIds: _ids, confirmation: _typed, ...decision } = input;
      const result = await ws.client.call('runBatch', { body: { ...decision, batchId: `batch-${randomUUID()}`, items } });
      if (!input.dryRun) void ws.sync.syncNow();
      return result;
    },
    'moderation:bulkUndo': async (input) => {
      const ws = workspace();
      const result = await ws.client.call('undoBatch', { params: { batchId: input.batchId } });
      void ws.sync.syncNow();
      return result;
    },
    'moderation:dashboard': async () => {
      const ws = workspace();
      const ctx = context(ws);
      const current = Object.fromEntries(await Promise.all(visibleQueues(staff().roles).map(async (queue) => [queue, (await summaryBeside(ws.side, queue, ctx)).size])));
      return moderationDashboard(ws.replica.db, ctx.now, current);
    },
  };
}
