import { randomUUID } from 'node:crypto';
import { changedFields } from '../../../../shared/legal/amendment-changes';
import type { PlatformContract } from '../../../../shared/platform/contract';
import type { DisclosureRequest, DisclosureScope } from '../../../../shared/platform/disclosure-entities';
import { signedInStaff } from '../../http/context';
import { ApiFailure } from '../../http/failure';
import type { Handler } from '../../http/router';
import { checkRequest, justifiedOverDisclosure, refuseForeignWithoutApproval, type JustifiedOverDisclosure } from './disclosure-checks';
import { parseColumn } from './disclosure-record';
import { disclosureAt, saveDisclosure } from './disclosure-writes';

/**
 * Corrects an entry in any status. The amended request replaces `request`; `original` stays as
 * first saved, and the amendment keeps who, when, why, and each field really changed with its value
 * before and after. The register's rules are checked again against the amended request: an
 * amendment cannot make an entry into one that could not have been saved. A closed entry handed
 * nothing over, so the foreign-authority rule, which guards what leaves the platform, has nothing
 * to guard there (and a refused foreign request must stay correctable).
 */
export const amendDisclosure: Handler<PlatformContract['amendDisclosure']> = (ctx, { params, body }) => {
  const staff = signedInStaff(ctx);
  return ctx.db.transaction(() => {
    const row = disclosureAt(ctx, params.disclosureId, body.basedOnVersion);
    const now = ctx.now();
    const before = JSON.parse(row.request) as DisclosureRequest;
    const after: DisclosureRequest = { ...before, ...body.changes };
    checkRequest(ctx.db, body.changes, now, 'body.changes');
    checkRequest(ctx.db, { noNotify: after.noNotify, noNotifyUntil: after.noNotifyUntil, domestic: after.domestic, foreignApproval: after.foreignApproval }, now, 'body.changes');
    const requestChanges = changedFields(before, after, 'request');
    if (requestChanges.length === 0) {
      throw new ApiFailure('validation_failed', 'body.changes: every value given is the one the entry already has', { path: 'body.changes' });
    }
    if (row.status !== 'closed') refuseForeignWithoutApproval(after, 'body.changes');
    const previous = parseColumn<JustifiedOverDisclosure>(row.over_disclosure);
    const over = justifiedOverDisclosure(after.scopeRequested, parseColumn<DisclosureScope>(row.scope_disclosed), body.justification, previous);
    const changes = [...requestChanges, ...changedFields(previous, over, 'overDisclosure')];

    const ordinal = (ctx.db.prepare('SELECT count(*) AS n FROM disclosure_amendments WHERE disclosure_id = ?').get(row.id) as { n: number }).n;
    const amendmentId = `amd_${randomUUID()}`;
    ctx.db
      .prepare('INSERT INTO disclosure_amendments (id, disclosure_id, ordinal, at, staff_id, staff_name, reason, changes) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(amendmentId, row.id, ordinal, now.toISOString(), staff.id, staff.displayName, body.reason, JSON.stringify(changes));
    const set = { request: JSON.stringify(after), over_disclosure: over === null ? null : JSON.stringify(over) };
    const detail = { amendmentId, reason: body.reason, paths: changes.map((c) => c.path) };
    return { disclosure: saveDisclosure(ctx, row, { set, audit: { action: 'legal.disclosure.amend', detail } }) };
  })();
};
