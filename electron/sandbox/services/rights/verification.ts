import { createHash, timingSafeEqual } from 'node:crypto';
import type { PlatformContract } from '../../../../shared/platform/contract';
import { MAX_VERIFICATION_ATTEMPTS, type VerificationMethod } from '../../../../shared/rights/ticket-states';
import type { RequestContext } from '../../http/context';
import { ApiFailure } from '../../http/failure';
import type { Handler } from '../../http/router';
import { findUserRow } from '../records';
import { sendVerificationCode } from './sms-gateway';
import type { Pause, TicketRow } from './ticket-record';
import { closePause, invalidTransition, openPause, requireMove, saveTicket, ticketAt } from './ticket-writes';

type Answer = Parameters<Handler<PlatformContract['checkVerification']>>[1]['body'];

const digest = (code: string) => createHash('sha256').update(code).digest();

/** A relative of a deceased user proves the relation with documents; everyone else proves they hold the account. */
function checkMethodFits(row: TicketRow, method: VerificationMethod): void {
  if ((method === 'relative_documents') !== (row.type === 'deceased_relative')) {
    const message =
      row.type === 'deceased_relative'
        ? "a deceased user's relative is verified by the documents they bring"
        : 'only a deceased user’s relative is verified by documents; the account holder answers with what registration collected';
    throw new ApiFailure('validation_failed', message, { path: 'body.method' });
  }
}

/**
 * Asks the requester to prove who they are, with nothing registration did not already collect:
 * an SMS code to the registered phone, or that phone and one of their listings; a relative brings
 * documents. No ID photo is ever asked for. The deadline pauses until the answer comes.
 * Asking again while waiting (the SMS never arrived) sends a new code; attempts carry over.
 */
export const startVerification: Handler<PlatformContract['startVerification']> = (ctx, { params, body }) =>
  ctx.db.transaction(() => {
    const row = ticketAt(ctx, params.ticketId, body.basedOnVersion);
    if (row.state !== 'awaiting_verification') requireMove(row, 'awaiting_verification', 'start verifying');
    checkMethodFits(row, body.method);
    const now = ctx.now();
    let secret: string | null = null;
    if (body.method === 'sms_code') {
      const user = findUserRow(ctx.db, row.user_id)!;
      secret = digest(sendVerificationCode(ctx.db, user.phone, row.id, row.number, now)).toString('hex');
    }
    const pauses = openPause(JSON.parse(row.pauses) as Pause[], now.toISOString());
    const ticket = saveTicket(ctx, row, {
      set: { verification_method: body.method, verification_secret: secret, pauses: JSON.stringify(pauses) },
      events: [{ state: 'awaiting_verification', note: body.method === 'sms_code' ? '已向注册手机号发送核验码' : '' }],
      audit: { action: 'rights.verification.start', detail: { method: body.method } },
    });
    return { ticket };
  })();

function answerPasses(ctx: RequestContext, row: TicketRow, answer: Answer): boolean {
  switch (row.verification_method) {
    case 'sms_code': {
      if (answer.code === undefined) throw new ApiFailure('validation_failed', 'the six digits the requester read out', { path: 'body.code' });
      return row.verification_secret !== null && timingSafeEqual(digest(answer.code), Buffer.from(row.verification_secret, 'hex'));
    }
    case 'phone_and_listing': {
      if (answer.phone === undefined) throw new ApiFailure('validation_failed', 'the registered phone as the requester states it', { path: 'body.phone' });
      if (answer.listingId === undefined) throw new ApiFailure('validation_failed', 'one of the account’s listing ids', { path: 'body.listingId' });
      const user = findUserRow(ctx.db, row.user_id)!;
      const theirs = ctx.db.prepare('SELECT 1 FROM listings WHERE id = ? AND seller_id = ?').get(answer.listingId, user.id);
      return answer.phone === user.phone && theirs !== undefined;
    }
    case 'relative_documents': {
      if (answer.documentsNote === undefined) {
        throw new ApiFailure('validation_failed', 'what was checked: death certificate, proof of kinship', { path: 'body.documentsNote' });
      }
      return true;
    }
    default:
      throw invalidTransition(row, 'check an answer for');
  }
}

/**
 * A right answer closes the pause and sends the ticket to review. A wrong one uses an attempt;
 * the last one refuses the ticket as identity_not_verified, which also stops the pause.
 */
export const checkVerification: Handler<PlatformContract['checkVerification']> = (ctx, { params, body }) =>
  ctx.db.transaction(() => {
    const row = ticketAt(ctx, params.ticketId, body.basedOnVersion);
    if (row.state !== 'awaiting_verification') throw invalidTransition(row, 'check a verification answer for');
    const passed = answerPasses(ctx, row, body);
    const at = ctx.now().toISOString();
    const attempts = row.verification_attempts + (passed ? 0 : 1);
    const exhausted = !passed && attempts >= MAX_VERIFICATION_ATTEMPTS;
    const pauses = JSON.parse(row.pauses) as Pause[];
    const audit = { action: 'rights.verification.answer', detail: { method: row.verification_method, passed, attempts } };
    if (passed) {
      const note = row.verification_method === 'relative_documents' ? `已核验材料：${body.documentsNote}` : '身份核验通过';
      const ticket = saveTicket(ctx, row, {
        set: { verified_at: at, verification_secret: null, pauses: JSON.stringify(closePause(pauses, at)) },
        events: [{ state: 'in_review', note }],
        audit,
      });
      return { ticket, passed };
    }
    if (exhausted) {
      const ticket = saveTicket(ctx, row, {
        set: {
          verification_attempts: attempts, verification_secret: null, pauses: JSON.stringify(closePause(pauses, at)),
          refusal_reason: 'identity_not_verified', refusal_note: `${MAX_VERIFICATION_ATTEMPTS} 次核验均未通过`,
        },
        events: [{ state: 'refused', note: `${MAX_VERIFICATION_ATTEMPTS} 次核验均未通过` }],
        audit,
      });
      return { ticket, passed };
    }
    const ticket = saveTicket(ctx, row, {
      set: { verification_attempts: attempts },
      events: [{ state: 'awaiting_verification', note: `第 ${attempts} 次核验未通过` }],
      audit,
    });
    return { ticket, passed };
  })();
