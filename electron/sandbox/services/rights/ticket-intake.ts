import { createHash, randomUUID } from 'node:crypto';
import { canonicalJson } from '../../../../shared/audit-chain';
import { shanghaiDateOf } from '../../../../shared/calendar';
import { maskPhone } from '../../../../shared/masking';
import type { PlatformContract } from '../../../../shared/platform/contract';
import { signedInStaff, type RequestContext } from '../../http/context';
import { ApiFailure } from '../../http/failure';
import type { Handler } from '../../http/router';
import { appendAudit } from '../audit';
import { recordChange } from '../change-log';
import { findUserRow } from '../records';
import { workingDaysFor } from './deadline-config';
import { findTicketRow, ticketRecord, type TicketEvent, type TicketRow } from './ticket-record';

type CreateBody = Parameters<Handler<PlatformContract['createTicket']>>[1]['body'];

const sha256 = (content: Buffer | string) => createHash('sha256').update(content).digest('hex');

/** RT-2026-000123: what staff and the user quote on the phone, counted from 1 each year. */
export function nextTicketNumber(ctx: RequestContext, at: Date): string {
  // Beijing time decides the year: a ticket opened at 07:00 on 1 January (23:00 UTC) is the new year's.
  const year = shanghaiDateOf(at.toISOString()).slice(0, 4);
  const last = ctx.db.prepare("SELECT max(number) AS n FROM rights_tickets WHERE number LIKE ?").get(`RT-${year}-%`) as { n: string | null };
  const serial = last.n === null ? 1 : Number(last.n.slice(-6)) + 1;
  return `RT-${year}-${String(serial).padStart(6, '0')}`;
}

function checkRequest(ctx: RequestContext, body: CreateBody, now: Date) {
  const user = findUserRow(ctx.db, body.userId);
  if (!user) throw new ApiFailure('not_found', `no account ${body.userId}`, { path: 'body.userId' });
  body.listingIds.forEach((listingId, i) => {
    const seller = ctx.db.prepare('SELECT seller_id FROM listings WHERE id = ?').get(listingId) as { seller_id: string } | undefined;
    if (seller?.seller_id !== user.id) throw new ApiFailure('not_found', `no listing ${listingId} of this account`, { path: `body.listingIds.${i}` });
  });
  if ((body.type === 'correction') !== (body.correction !== null)) {
    throw new ApiFailure('validation_failed', 'a correction request, and only one, names the field and the value asked for', { path: 'body.correction' });
  }
  // The contract only bounds its length; a full number here would travel to every console in the feed.
  if (/1[3-9]\d{9}/.test(body.requester.contactMasked)) {
    throw new ApiFailure('validation_failed', 'the requester’s contact must be masked, like 135****7162', { path: 'body.requester.contactMasked' });
  }
  if (body.receivedAt !== undefined && Date.parse(body.receivedAt) > now.getTime()) {
    throw new ApiFailure('validation_failed', 'a request cannot be received in the future', { path: 'body.receivedAt' });
  }
  return user;
}

/**
 * Opens a ticket. Its deadline starts at receivedAt and runs for the type's working days; the
 * attachments are stored with the SHA-256 the platform computed, so what was received can be proved.
 * A retry with the same key answers with the ticket it made.
 */
export const createTicket: Handler<PlatformContract['createTicket']> = (ctx, { body }) => {
  const staff = signedInStaff(ctx);
  const requestHash = sha256(canonicalJson({ ...body, idempotencyKey: undefined }));
  return ctx.db.transaction(() => {
    const now = ctx.now();
    const done = ctx.db.prepare('SELECT * FROM rights_tickets WHERE idempotency_key = ?').get(body.idempotencyKey) as TicketRow | undefined;
    if (done) {
      if (done.request_hash !== requestHash) {
        throw new ApiFailure('idempotency_key_reused', 'this idempotency key opened a different ticket', { path: 'body.idempotencyKey' });
      }
      return { ticket: ticketRecord(ctx.db, done, now) };
    }
    const user = checkRequest(ctx, body, now);
    const at = now.toISOString();
    const id = `rt_${randomUUID()}`;
    const number = nextTicketNumber(ctx, now);
    const received: TicketEvent = { state: 'received', at, staffId: staff.id, staffName: staff.displayName, note: '' };
    ctx.db
      .prepare(
        `INSERT INTO rights_tickets (id, number, idempotency_key, request_hash, type, state, channel, user_id, user_nickname, user_phone_masked,
           requester, request, listing_ids, correction, received_at, working_days, pauses, history, version, created_at, updated_at)
         VALUES (@id, @number, @key, @hash, @type, 'received', @channel, @userId, @nickname, @phoneMasked,
           @requester, @request, @listingIds, @correction, @receivedAt, @workingDays, '[]', @history, 1, @at, @at)`,
      )
      .run({
        id, number, key: body.idempotencyKey, hash: requestHash, type: body.type, channel: body.channel, userId: user.id,
        nickname: user.nickname, phoneMasked: maskPhone(user.phone), requester: JSON.stringify(body.requester), request: body.request,
        listingIds: JSON.stringify(body.listingIds), correction: body.correction === null ? null : JSON.stringify(body.correction),
        receivedAt: body.receivedAt ?? at, workingDays: workingDaysFor(ctx.settings.rightsDeadlines, body.type),
        history: JSON.stringify([received]), at,
      });
    const insertAttachment = ctx.db.prepare(
      'INSERT INTO rights_attachments (id, ticket_id, ordinal, name, media_type, size_bytes, sha256, content) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    body.attachments.forEach((a, i) => {
      const content = Buffer.from(a.contentBase64, 'base64');
      insertAttachment.run(`att_${randomUUID()}`, id, i, a.name, a.mediaType, content.length, sha256(content), content);
    });
    recordChange(ctx.db, 'rights_ticket', id);
    appendAudit(ctx.db, {
      at: now,
      staffId: staff.id,
      action: 'rights.create',
      subject: `rights_ticket:${id}`,
      detail: { number, type: body.type, channel: body.channel, userId: user.id, listings: body.listingIds.length, attachments: body.attachments.length },
    });
    return { ticket: ticketRecord(ctx.db, findTicketRow(ctx.db, id)!, now) };
  })();
};
