import { foreignRequestBlocked, overDisclosure, type OverDisclosure } from '../../../../shared/legal/disclosure-rules';
import type { Disclosure, DisclosureRequest, DisclosureScope } from '../../../../shared/platform/disclosure-entities';
import { ApiFailure } from '../../http/failure';
import type { PlatformDb } from '../../store/database';
import { findUserRow } from '../records';

export type JustifiedOverDisclosure = NonNullable<Disclosure['overDisclosure']>;

/** A scope names real accounts, over a period that runs forwards. */
export function checkScope(db: PlatformDb, scope: DisclosureScope, path: string): void {
  if (scope.from > scope.to) throw new ApiFailure('validation_failed', `${path}.to: the period ends before it starts`, { path: `${path}.to` });
  scope.userIds.forEach((userId, i) => {
    if (!findUserRow(db, userId)) throw new ApiFailure('not_found', `no account ${userId}`, { path: `${path}.userIds.${i}` });
  });
}

/**
 * What the contract's shapes cannot say about a request: it was not received in the future, a
 * no-notify date belongs to a no-notify order, a foreign approval to a foreign authority, and the
 * accounts it names exist.
 */
export function checkRequest(db: PlatformDb, request: Partial<DisclosureRequest>, now: Date, path: string): void {
  if (request.receivedAt !== undefined && Date.parse(request.receivedAt) > now.getTime()) {
    throw new ApiFailure('validation_failed', `${path}.receivedAt: a request cannot be received in the future`, { path: `${path}.receivedAt` });
  }
  if (request.noNotify === false && request.noNotifyUntil) {
    throw new ApiFailure('validation_failed', `${path}.noNotifyUntil: only a no-notify order has an end date`, { path: `${path}.noNotifyUntil` });
  }
  if (request.domestic === true && request.foreignApproval) {
    throw new ApiFailure('validation_failed', `${path}.foreignApproval: a domestic authority needs no approval for a foreign request`, { path: `${path}.foreignApproval` });
  }
  if (request.scopeRequested) checkScope(db, request.scopeRequested, `${path}.scopeRequested`);
}

/** Data Security Law art. 36 and PIPL art. 41, enforced by the platform and not only shown by the console. */
export function refuseForeignWithoutApproval(request: DisclosureRequest, path: string): void {
  if (foreignRequestBlocked(request)) {
    throw new ApiFailure(
      'foreign_request_blocked',
      'a foreign judicial or law-enforcement authority may be given data stored in China only with the approval of the competent Chinese authority ' +
        '(Data Security Law art. 36, PIPL art. 41); record that approval first',
      { path: `${path}.foreignApproval` },
    );
  }
}

function describeBeyond(beyond: OverDisclosure, requested: DisclosureScope): string {
  const parts = [
    beyond.userIds.length ? `accounts ${beyond.userIds.join(', ')}` : '',
    beyond.categories.length ? `categories ${beyond.categories.join(', ')}` : '',
    beyond.outsideDates ? `dates outside ${requested.from}–${requested.to}` : '',
  ];
  return parts.filter(Boolean).join('; ');
}

/** Whether a justification already on the entry covers this over-disclosure (it names no more). */
function covers(previous: JustifiedOverDisclosure | null, beyond: OverDisclosure): previous is JustifiedOverDisclosure {
  if (previous === null) return false;
  return (
    beyond.userIds.every((id) => previous.userIds.includes(id)) &&
    beyond.categories.every((c) => previous.categories.includes(c)) &&
    (!beyond.outsideDates || previous.outsideDates)
  );
}

/**
 * Compares what is disclosed with what was asked (shared/legal/disclosure-rules): within it, there
 * is nothing to record; beyond it, counsel's written reason is kept with exactly what is beyond, and
 * without one the entry is refused, naming what is beyond. A justification already on the entry
 * still stands when an amendment leaves no more beyond the request than it covered.
 */
export function justifiedOverDisclosure(
  requested: DisclosureScope,
  disclosed: DisclosureScope | null,
  justification: string | null,
  previous: JustifiedOverDisclosure | null = null,
): JustifiedOverDisclosure | null {
  const beyond = disclosed === null ? null : overDisclosure(requested, disclosed);
  if (beyond === null) return null;
  if (justification !== null) return { ...beyond, justification };
  if (covers(previous, beyond)) return { ...beyond, justification: previous.justification };
  throw new ApiFailure(
    'over_disclosure_unjustified',
    `the disclosure goes beyond what the authority's document asks for (${describeBeyond(beyond, requested)}); record why in a justification`,
    { path: 'body.justification' },
  );
}
