import { canonicalJson } from '../audit-chain';

export interface FieldChange {
  /** Dotted path in the register entry, e.g. request.scopeRequested.to */
  path: string;
  before: unknown;
  after: unknown;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * The fields an amendment really changes, each by its dotted path with the value before and
 * after. Objects are followed down to their fields; a list is one value (an officer removed from
 * the middle reads as the list before and after, not as every later index shifting).
 */
export function changedFields(before: unknown, after: unknown, path: string): FieldChange[] {
  if (isRecord(before) && isRecord(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((key) => changedFields(before[key], after[key], `${path}.${key}`));
  }
  return canonicalJson(before) === canonicalJson(after) ? [] : [{ path, before: before ?? null, after: after ?? null }];
}
