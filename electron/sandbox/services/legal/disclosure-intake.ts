import { randomUUID } from 'node:crypto';
import { canonicalJson } from '../../../../shared/audit-chain';
import { shanghaiDateOf } from '../../../../shared/calendar';
import type { PlatformContract } from '../../../../shared/platform/contract';
import { signedInStaff, type RequestContext } from '../../http/context';
import { ApiFailure } from '../../http/failure';
import type { Handler } from '../../http/router';
import { appendAudit } from '../audit';
import { recordChange } from '../change-log';
import { checkRequest, checkScope, justifiedOverDisclosure, refuseForeignWithoutApproval } from './disclosure-checks';
import { disclosureRecord, findDisclosureRow, type DisclosureRow } from './disclosure-record';
import { decodeUpload, newFileId, sha256, storeFile } from './register-files';

/** LD-2026-0042: counted from 1 each year, the year being Beijing time's when the entry is made. */
export function nextRegisterNumber(ctx: RequestContext, at: Date): string {
  const year = shanghaiDateOf(at.toISOString()).slice(0, 4);
  const last = ctx.db.prepare('SELECT max(register_number) AS n FROM disclosures WHERE register_number LIKE ?').get(`LD-${year}-%`) as { n: string | null };
  const serial = last.n === null ? 1 : Number(last.n.slice(-4)) + 1;
  // The number's format has four digits; a platform receiving ten thousand requests a year needs a new format, not a wrap.
  if (serial > 9999) throw new Error(`the register for ${year} is full`);
  return `LD-${year}-${String(serial).padStart(4, '0')}`;
}

/**
 * Registers a request from an authority, as legal staff prepared it. The platform enforces the
 * register's rules here, whatever the console showed: a foreign authority needs Chinese approval,
 * disclosing beyond the request needs a written justification, and the entry then waits for a
 * second legal staff member's approval. A retry with the same key answers with the entry it made.
 */
export const createDisclosure: Handler<PlatformContract['createDisclosure']> = (ctx, { body }) => {
  const staff = signedInStaff(ctx);
  const requestHash = sha256(canonicalJson({ ...body, idempotencyKey: undefined }));
  return ctx.db.transaction(() => {
    const now = ctx.now();
    const done = ctx.db.prepare('SELECT * FROM disclosures WHERE idempotency_key = ?').get(body.idempotencyKey) as DisclosureRow | undefined;
    if (done) {
      if (done.request_hash !== requestHash) {
        throw new ApiFailure('idempotency_key_reused', 'this idempotency key registered a different request', { path: 'body.idempotencyKey' });
      }
      return { disclosure: disclosureRecord(ctx.db, done) };
    }
    checkRequest(ctx.db, body.request, now, 'body.request');
    checkScope(ctx.db, body.scopeDisclosed, 'body.scopeDisclosed');
    refuseForeignWithoutApproval(body.request, 'body.request');
    const over = justifiedOverDisclosure(body.request.scopeRequested, body.scopeDisclosed, body.justification);
    const scan = decodeUpload(body.scan, 'body.scan');

    const at = now.toISOString();
    const id = `ld_${randomUUID()}`;
    const registerNumber = nextRegisterNumber(ctx, now);
    const request = JSON.stringify(body.request);
    const scanFileId = newFileId();
    ctx.db
      .prepare(
        `INSERT INTO disclosures (id, register_number, idempotency_key, request_hash, status, request, original, scan_file_id,
           prepared_by, prepared_by_name, prepared_at, scope_disclosed, over_disclosure, version, updated_at)
         VALUES (@id, @registerNumber, @key, @hash, 'awaiting_approval', @request, @request, @scanFileId,
           @staffId, @staffName, @at, @scope, @over, 1, @at)`,
      )
      .run({
        id, registerNumber, key: body.idempotencyKey, hash: requestHash, request, scanFileId, staffId: staff.id, staffName: staff.displayName, at,
        scope: JSON.stringify(body.scopeDisclosed), over: over === null ? null : JSON.stringify(over),
      });
    const file = storeFile(ctx.db, { id: scanFileId, disclosureId: id, role: 'scan', ordinal: 0, name: body.scan.name, mediaType: body.scan.mediaType, content: scan, at });
    recordChange(ctx.db, 'disclosure', id);
    appendAudit(ctx.db, {
      at: now,
      staffId: staff.id,
      action: 'legal.disclosure.create',
      subject: `disclosure:${id}`,
      detail: {
        registerNumber, authorityType: body.request.authorityType, documentNumber: body.request.documentNumber, domestic: body.request.domestic,
        accounts: body.request.scopeRequested.userIds.length, overDisclosure: over !== null, scanSha256: file.sha256,
      },
    });
    return { disclosure: disclosureRecord(ctx.db, findDisclosureRow(ctx.db, id)!) };
  })();
};
