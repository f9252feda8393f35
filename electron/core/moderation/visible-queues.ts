import type { QueueKind } from '../../../shared/ipc/moderation-views';
import type { Role } from '../../../shared/platform/roles';

/** Escalations and appeals are a senior moderator's; everyone who moderates sees the rest. */
export function visibleQueues(roles: readonly Role[]): QueueKind[] {
  const senior = roles.includes('senior_moderator');
  return senior ? ['pending', 'reported', 'flagged', 'escalated', 'appeals'] : ['pending', 'reported', 'flagged'];
}
