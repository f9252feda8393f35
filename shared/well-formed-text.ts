/** Half of a UTF-16 surrogate pair standing alone: not a character, whatever JSON allowed it to be. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Records and inputs are bounded by their contracts; a hostile one is not, so the walk is bounded too. */
const MAX_DEPTH = 32;

/**
 * The path of the first text in a value that is not well-formed Unicode, or null. The contracts'
 * schemas accept any JS string, but UTF-8 (SQLite, URLs) cannot hold a lone surrogate: the cache
 * would silently store U+FFFD instead of what the platform sent, and a URL cannot be built from
 * it at all. So a feed record carrying one is quarantined, and an IPC input carrying one refused.
 */
export function illFormedTextPath(value: unknown, path: (string | number)[] = [], depth = 0): (string | number)[] | null {
  if (typeof value === 'string') return LONE_SURROGATE.test(value) ? path : null;
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return null;
  const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
  for (const [key, child] of entries) {
    if (typeof key === 'string' && LONE_SURROGATE.test(key)) return [...path, key];
    const found = illFormedTextPath(child, [...path, key], depth + 1);
    if (found) return found;
  }
  return null;
}
