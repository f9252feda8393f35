import { z } from 'zod';

/**
 * The gate on Electronegativity's findings: every HIGH or MEDIUM finding must be explained by
 * an entry of resources/security/electronegativity-allowlist.json, every entry must still
 * explain something, and an entry covers exactly the number of findings it was reviewed for —
 * so a second insecure window in an already-listed file is a new finding, not a free pass.
 */

export const gatedSeverities = ['HIGH', 'MEDIUM'] as const;

export interface Finding {
  id: string;
  severity: string;
  confidence: string;
  file: string;
  line: number;
  column: number;
  manualReview: boolean;
  description: string;
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

export const AllowlistEntry = z.strictObject({
  check: z.string().regex(/^[A-Z][A-Z_]*_CHECK$/, 'a check id such as CONTEXT_ISOLATION_JS_CHECK'),
  file: z.string().regex(/^(electron|renderer|shared)\/[\w./-]+$|^package\.json$/, 'a path relative to the repository, inside what is scanned'),
  occurrences: z.number().int().positive(),
  // A reason a reviewer can check, not "false positive".
  reason: z.string().min(80, 'explain why the finding is not a weakness'),
  /** `path/to/x.test.ts — “test name”`: the test that proves the reason (kept alive by a test). */
  evidence: z.string().min(1),
  reviewedBy: z.string().min(2),
  reviewedOn: z.string().regex(isoDate, 'YYYY-MM-DD'),
});
export type AllowlistEntry = z.infer<typeof AllowlistEntry>;

export const Allowlist = z
  .strictObject({ $comment: z.string().optional(), entries: z.array(AllowlistEntry) })
  .refine((list) => new Set(list.entries.map(keyOf)).size === list.entries.length, 'one entry per check and file');
export type Allowlist = z.infer<typeof Allowlist>;

function keyOf(item: { check: string; file: string } | Finding): string {
  return 'check' in item ? `${item.check} ${item.file}` : `${item.id} ${item.file}`;
}

export interface GateResult {
  /** HIGH/MEDIUM findings no entry explains. */
  unexplained: Finding[];
  /** Entries whose check no longer fires in their file: delete them (or the fix regressed). */
  stale: AllowlistEntry[];
  /** Entries that fire a different number of times than were reviewed. */
  miscounted: { entry: AllowlistEntry; found: number }[];
}

export function gate(findings: readonly Finding[], allowlist: Allowlist): GateResult {
  const gated = findings.filter((f) => (gatedSeverities as readonly string[]).includes(f.severity));
  const byKey = new Map(allowlist.entries.map((e) => [keyOf(e), e]));
  const unexplained = gated.filter((f) => !byKey.has(keyOf(f)));
  const stale: AllowlistEntry[] = [];
  const miscounted: GateResult['miscounted'] = [];
  for (const entry of allowlist.entries) {
    const found = gated.filter((f) => keyOf(f) === keyOf(entry)).length;
    if (found === 0) stale.push(entry);
    else if (found !== entry.occurrences) miscounted.push({ entry, found });
  }
  return { unexplained, stale, miscounted };
}

/** One line per problem, for a failure message a reader can act on. */
export function describeGate(result: GateResult): string[] {
  return [
    ...result.unexplained.map((f) => `unexplained ${f.severity} ${f.id} at ${f.file}:${f.line}:${f.column} — ${f.description}`),
    ...result.stale.map((e) => `stale allowlist entry ${e.check} in ${e.file}: it no longer fires; remove it`),
    ...result.miscounted.map(({ entry, found }) => `${entry.check} fires ${found}× in ${entry.file}, reviewed for ${entry.occurrences}×`),
  ];
}
