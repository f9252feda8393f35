import { Change, type EntityType } from '../../../shared/platform/changes';
import { illFormedTextPath } from '../../../shared/well-formed-text';
import { deserialize } from 'node:v8';
import { nextTurn } from '../next-turn';
import type { PageToCommit, QuarantinedChange } from '../cache/replica';

/** A feed page as the platform sent it, its records not yet checked, with the cursor after it. */
export interface FeedPage {
  changes: readonly unknown[];
  cursor: string;
  at: Date;
}

/** A page's records checked: those that parse, and those that go to quarantine, with why. */
export interface CheckedChanges {
  valid: Change[];
  quarantined: QuarantinedChange[];
}

/** What a checked page holds: the kinds of record that landed, and how many went to quarantine. */
export interface PageSummary {
  entityTypes: EntityType[];
  quarantined: number;
}

/**
 * A feed page checked, as the writers take it: its records as objects (checked on this thread),
 * or as the feed reader's worker serialized them (node:v8), for the writer to deserialize.
 */
export interface CheckedPage {
  checked: CheckedChanges | Uint8Array;
  summary: PageSummary;
  cursor: string;
  at: Date;
}

export const summarize = ({ valid, quarantined }: CheckedChanges): PageSummary => ({
  entityTypes: [...new Set(valid.map((change) => change.entityType))],
  quarantined: quarantined.length,
});

/** Splits a raw feed page into changes that parse and changes that go to quarantine, with why. */
export function checkChanges(raw: readonly unknown[]): CheckedChanges {
  const valid: Change[] = [];
  const quarantined: QuarantinedChange[] = [];
  for (const item of raw) {
    const parsed = Change.safeParse(item);
    const illFormed = parsed.success ? illFormedTextPath(parsed.data) : null;
    if (parsed.success && !illFormed) {
      valid.push(parsed.data);
      continue;
    }
    const issue = parsed.success ? { message: 'text is not well-formed Unicode (a lone surrogate)', path: illFormed! } : parsed.error.issues[0]!;
    const loose = (item ?? {}) as { entityType?: unknown; id?: unknown };
    quarantined.push({
      entityType: typeof loose.entityType === 'string' ? loose.entityType.slice(0, 40) : null,
      entityId: typeof loose.id === 'string' ? loose.id.slice(0, 64) : null,
      reason: issue.message,
      path: issue.path.map(String).join('.') || '(record)',
      raw: item,
    });
  }
  return { valid, quarantined };
}

/** Changes checked per turn: ~5 ms of checks. */
const TRIAGE_SLICE = 200;

/**
 * A page's records checked a slice per turn, on the core's thread: a whole page's checks held
 * it for tens of milliseconds. Where a worker writes the feed, the feed reader's worker checks
 * them instead (not the writer: in a catch-up its writes are what the sync waits for; checked
 * there, 10,000 edits took 2.3 s instead of 1.5).
 */
export async function checkByTurns(raw: readonly unknown[]): Promise<CheckedChanges> {
  const valid: Change[] = [];
  const quarantined: QuarantinedChange[] = [];
  for (let at = 0; at < raw.length; at += TRIAGE_SLICE) {
    if (at > 0) await nextTurn();
    const slice = checkChanges(raw.slice(at, at + TRIAGE_SLICE));
    valid.push(...slice.valid);
    quarantined.push(...slice.quarantined);
  }
  return { valid, quarantined };
}

/** A feed page checked on the core's thread, a slice per turn. */
export async function checkPage(page: FeedPage): Promise<CheckedPage> {
  const checked = await checkByTurns(page.changes);
  return { checked, summary: summarize(checked), cursor: page.cursor, at: page.at };
}

/** A checked page's records as the replica writes them, with its cursor. */
export function pageToCommit(page: CheckedPage): PageToCommit {
  const { valid, quarantined } = page.checked instanceof Uint8Array ? (deserialize(page.checked) as CheckedChanges) : page.checked;
  return { changes: valid, quarantined, cursor: page.cursor, at: page.at };
}
