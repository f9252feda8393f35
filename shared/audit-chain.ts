/**
 * The audit trail is a hash chain: each event's hash covers its own fields and the previous
 * event's hash, so editing or deleting any row breaks every link after it. Both the platform
 * (which writes) and the console (which verifies) build the hashed text here, identically.
 */
export const GENESIS_HASH = '0'.repeat(64);

export interface ChainedFields {
  seq: number;
  at: string;
  staffId: string | null;
  action: string;
  subject: string | null;
  detail: Record<string, unknown>;
  prevHash: string;
}

/** JSON with object keys sorted at every depth, so the same value always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function auditHashInput(event: ChainedFields): string {
  const { seq, at, staffId, action, subject, detail, prevHash } = event;
  return canonicalJson({ seq, at, staffId, action, subject, detail, prevHash });
}
