import { shanghaiDateOf } from '../../../../shared/calendar';
import { mayApprove } from '../../../../shared/legal/disclosure-rules';
import { noNotifyApplies } from '../../../../shared/legal/no-notify';
import type { PlatformContract } from '../../../../shared/platform/contract';
import type { DisclosureRequest } from '../../../../shared/platform/disclosure-entities';
import { signedInStaff } from '../../http/context';
import { ApiFailure } from '../../http/failure';
import type { Handler } from '../../http/router';
import { disclosureAt, requireStatus, saveDisclosure } from './disclosure-writes';
import { decodeUpload, storeFile } from './register-files';

/**
 * An entry's life after it is registered: a second legal staff member approves it, then what was
 * handed over is recorded, or it is closed with nothing handed over; later the user may be told.
 */

/** The second-person rule is the platform's: a console that forgot to hide the button changes nothing. */
export const approveDisclosure: Handler<PlatformContract['approveDisclosure']> = (ctx, { params, body }) => {
  const staff = signedInStaff(ctx);
  return ctx.db.transaction(() => {
    const row = disclosureAt(ctx, params.disclosureId, body.basedOnVersion);
    requireStatus(row, ['awaiting_approval'], 'approve');
    if (!mayApprove(row.prepared_by, staff.id)) {
      throw new ApiFailure('same_reviewer', `${row.register_number} was prepared by you; another legal staff member must approve it`);
    }
    const set = { status: 'approved', approved_by: staff.id, approved_by_name: staff.displayName, approved_at: ctx.now().toISOString(), approval_note: body.note } as const;
    return { disclosure: saveDisclosure(ctx, row, { set, audit: { action: 'legal.disclosure.approve', detail: { note: body.note } } }) };
  })();
};

function refuseTimeOutside(at: string, earliest: string, now: Date, path: string, what: string): void {
  if (Date.parse(at) > now.getTime()) throw new ApiFailure('validation_failed', `${path}: ${what} cannot be in the future`, { path });
  // Staff type times to the minute: handing over within the minute of approval is not "before" it.
  if (Date.parse(at) < Math.floor(Date.parse(earliest) / 60_000) * 60_000) throw new ApiFailure('validation_failed', `${path}: ${what} cannot come before ${earliest}`, { path });
}

/** Each file handed over is kept with the hash the platform computes, so the production can be proved. */
export const recordProduction: Handler<PlatformContract['recordProduction']> = (ctx, { params, body }) =>
  ctx.db.transaction(() => {
    const row = disclosureAt(ctx, params.disclosureId, body.basedOnVersion);
    requireStatus(row, ['approved'], 'record a production for');
    const now = ctx.now();
    refuseTimeOutside(body.disclosedAt, row.approved_at!, now, 'body.disclosedAt', 'a production approved at that time');
    const at = now.toISOString();
    const base = { disclosureId: row.id, at };
    const contents = body.files.map((f, i) => decodeUpload(f, `body.files.${i}`));
    const receiptContent = body.receipt === null ? null : decodeUpload(body.receipt, 'body.receipt');
    const files = body.files.map((f, i) => storeFile(ctx.db, { ...base, role: 'production', ordinal: i, name: f.name, mediaType: f.mediaType, content: contents[i]! }));
    const receipt =
      body.receipt === null || receiptContent === null
        ? null
        : storeFile(ctx.db, { ...base, role: 'receipt', ordinal: 0, name: body.receipt.name, mediaType: body.receipt.mediaType, content: receiptContent });
    const set = { status: 'disclosed', outcome: body.outcome, delivery_method: body.deliveryMethod, disclosed_at: body.disclosedAt, receipt_file_id: receipt?.id ?? null } as const;
    const detail = {
      outcome: body.outcome, deliveryMethod: body.deliveryMethod, disclosedAt: body.disclosedAt,
      files: files.map((f) => ({ name: f.name, sha256: f.sha256 })), receiptSha256: receipt?.sha256 ?? null,
    };
    return { disclosure: saveDisclosure(ctx, row, { set, audit: { action: 'legal.disclosure.produce', detail } }) };
  })();

/**
 * Closing with nothing handed over: no data found, or the request refused. The scope that was
 * proposed goes into the audit event, and the entry's disclosed scope becomes null, because
 * nothing was disclosed; the reason is kept in `refusalReason` for either outcome.
 */
export const closeDisclosure: Handler<PlatformContract['closeDisclosure']> = (ctx, { params, body }) =>
  ctx.db.transaction(() => {
    const row = disclosureAt(ctx, params.disclosureId, body.basedOnVersion);
    requireStatus(row, ['awaiting_approval', 'approved'], 'close');
    const set = { status: 'closed', outcome: body.outcome, refusal_reason: body.reason, scope_disclosed: null, over_disclosure: null } as const;
    const detail = { outcome: body.outcome, reason: body.reason, proposedScope: row.scope_disclosed === null ? null : (JSON.parse(row.scope_disclosed) as unknown) };
    return { disclosure: saveDisclosure(ctx, row, { set, audit: { action: 'legal.disclosure.close', detail } }) };
  })();

/** The user is told only of data actually handed over, once, and never on a day a no-notify order covers. */
export const recordUserNotification: Handler<PlatformContract['recordUserNotification']> = (ctx, { params, body }) =>
  ctx.db.transaction(() => {
    const row = disclosureAt(ctx, params.disclosureId, body.basedOnVersion);
    requireStatus(row, ['disclosed'], 'record telling the user of');
    if (row.user_notified_at !== null) throw new ApiFailure('invalid_transition', `the user was already told of ${row.register_number} on ${row.user_notified_at}`);
    refuseTimeOutside(body.notifiedAt, row.disclosed_at!, ctx.now(), 'body.notifiedAt', 'telling the user of data handed over at that time');
    const request = JSON.parse(row.request) as DisclosureRequest;
    if (noNotifyApplies(request, shanghaiDateOf(body.notifiedAt))) {
      const until = request.noNotifyUntil === null ? 'until the authority lifts it' : `through ${request.noNotifyUntil}`;
      throw new ApiFailure('invalid_transition', `the authority's no-notify order on ${row.register_number} applies ${until}; the user may not be told yet`);
    }
    const set = { user_notified_at: body.notifiedAt };
    return { disclosure: saveDisclosure(ctx, row, { set, audit: { action: 'legal.disclosure.notify', detail: { notifiedAt: body.notifiedAt } } }) };
  })();
