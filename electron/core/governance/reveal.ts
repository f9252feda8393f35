import { REVEAL_SECONDS, type revealReasons } from '../../../shared/ipc/governance-views';
import { DeskFailure } from '../errors';
import type { HandlerTable } from '../handlers';
import type { AccountWorkspace } from '../session/account-workspace';

type RevealReason = (typeof revealReasons)[number];

/** How each reason reads in the platform's audit trail (what the DPO sees beside the reveal). */
const reasonText: Record<RevealReason, string> = {
  verify_identity: '核实身份',
  contact_user: '联系用户',
  fraud_investigation: '调查欺诈',
  legal_request: '依法调取',
  other: '其他原因',
};
const MIN_OTHER_NOTE = 4;
/** The platform keeps at most this much reason text. */
const MAX_REASON = 500;

export function revealReasonText(reason: RevealReason, note: string | undefined): string {
  const typed = note?.trim() ?? '';
  if (reason === 'other' && typed.length < MIN_OTHER_NOTE) {
    throw new DeskFailure('invalid_input', `input.note: a reveal for another reason needs the reason typed (at least ${MIN_OTHER_NOTE} characters)`, {
      path: 'input.note',
    });
  }
  const label = reasonText[reason];
  return typed ? `${label}：${typed}`.slice(0, MAX_REASON) : label;
}

/**
 * Reveals are live calls only: the value goes from the platform's answer to the renderer and
 * nowhere else (no cache, no outbox, no log line, no error message), and the platform writes
 * the audit event before it answers.
 */
export function revealHandlers(workspace: () => AccountWorkspace): Pick<HandlerTable, 'pii:reveal' | 'pii:copied'> {
  return {
    'pii:reveal': async ({ subjectType, subjectId, field, reason, note }) => {
      const reasonLine = revealReasonText(reason, note);
      const revealed = await workspace().client.call('revealPii', { body: { subjectType, subjectId, field, reason: reasonLine } });
      const hideAt = new Date(Date.parse(revealed.revealedAt) + REVEAL_SECONDS * 1000).toISOString();
      return { value: revealed.value, revealedAt: revealed.revealedAt, hideAt, auditSeq: revealed.auditSeq };
    },
    'pii:copied': async ({ subjectType, subjectId, field }) => {
      const { seq } = await workspace().client.call('recordClientAuditEvent', {
        body: { action: 'pii.copy', subject: `${subjectType}:${subjectId}`, detail: { field } },
      });
      return { auditSeq: seq };
    },
  };
}
