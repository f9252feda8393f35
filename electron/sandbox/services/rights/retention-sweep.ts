import { randomUUID } from 'node:crypto';
import type { PlatformContract } from '../../../../shared/platform/contract';
import { signedInStaff } from '../../http/context';
import { ApiFailure } from '../../http/failure';
import type { Handler } from '../../http/router';
import { appendAudit } from '../audit';
import { ANONYMISED_LISTING_TITLE, DELETED_LISTING_TITLE } from './anonymous-values';
import { applyListingRemoval, planListingRemoval } from './listing-removal';
import { candidates, retentionCount, retentionScope, SELECT_SWEEP, sweepRecord, type SweepRow } from './retention';

/**
 * Deletes every listing past its display period plus grace, or anonymises it when a transaction
 * the law keeps refers to it (the same rule as a deletion request); listings a legal hold keeps
 * are skipped and counted. A dry run answers the same without touching a listing. Each sweep,
 * dry or not, is logged and audited, and its key answers with the first result.
 */
export const runRetentionSweep: Handler<PlatformContract['runRetentionSweep']> = (ctx, { body }) => {
  const staff = signedInStaff(ctx);
  return ctx.db.transaction(() => {
    const done = ctx.db.prepare(`${SELECT_SWEEP} WHERE w.idempotency_key = ?`).get(body.idempotencyKey) as SweepRow | undefined;
    if (done) {
      if (done.dry_run !== Number(body.dryRun) || done.staff_id !== staff.id) {
        throw new ApiFailure('idempotency_key_reused', 'this idempotency key was used for another sweep', { path: 'body.idempotencyKey' });
      }
      return { sweep: sweepRecord(done) };
    }
    const now = ctx.now();
    const at = now.toISOString();
    const scope = retentionScope(ctx.db, now);
    const due = candidates(ctx.db, scope, 'due', -1);
    const removals = due.map((r) => planListingRemoval(ctx.db, r.id, now));
    const anonymised = removals.filter((r) => r.fate.outcome === 'anonymised').length;
    const id = `swp_${randomUUID()}`;
    const sweep = { deleted: removals.length - anonymised, anonymised, held: retentionCount(ctx.db, scope, 'held') };
    ctx.db
      .prepare(
        `INSERT INTO retention_sweeps (id, idempotency_key, staff_id, at, dry_run, deleted, anonymised, held, listing_ids)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(id, body.idempotencyKey, staff.id, at, Number(body.dryRun), sweep.deleted, sweep.anonymised, sweep.held, JSON.stringify(due.map((r) => r.id)));
    if (!body.dryRun) {
      const log = ctx.db.prepare(
        'INSERT INTO retention_log (sweep_id, listing_id, title, seller_id, display_until, outcome, at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      );
      removals.forEach((removal, i) => {
        applyListingRemoval(ctx.db, removal, at);
        const listing = due[i]!;
        const deleted = removal.fate.outcome === 'deleted';
        log.run(id, listing.id, deleted ? DELETED_LISTING_TITLE : ANONYMISED_LISTING_TITLE, listing.seller_id, listing.display_until, removal.fate.outcome, at);
      });
    }
    appendAudit(ctx.db, { at: now, staffId: staff.id, action: 'retention.sweep', subject: `retention_sweep:${id}`, detail: { dryRun: body.dryRun, ...sweep } });
    return { sweep: sweepRecord(ctx.db.prepare(`${SELECT_SWEEP} WHERE w.id = ?`).get(id) as SweepRow) };
  })();
};
