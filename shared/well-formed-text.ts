/**
 * Whether a text is well-formed UTF-16: no half of a surrogate pair standing alone. ES2024's
 * String#isWellFormed (Node 20, Chromium 111), native and without a regular expression's
 * lookbehind: the feed checks every text of every record with it. The project's lib is ES2023.
 */
const isWellFormed = (text: string): boolean => (text as string & { isWellFormed(): boolean }).isWellFormed();

/** Records and inputs are bounded by their contracts; a hostile one is not, so the walk is bounded too. */
const MAX_DEPTH = 32;

/**
 * The path of the first text in a value that is not well-formed Unicode, or null. The contracts'
 * schemas accept any JS string, but UTF-8 (SQLite, URLs) cannot hold a lone surrogate: the cache
 * would silently store U+FFFD instead of what the platform sent, and a URL cannot be built from
 * it at all. So a feed record carrying one is quarantined, and an IPC input carrying one refused.
 */
export function illFormedTextPath(value: unknown): (string | number)[] | null {
  return firstIllFormed(value, 0);
}

/** The walk, the path built on the way back up: a well-formed value (nearly all) allocates nothing for it. */
function firstIllFormed(value: unknown, depth: number): (string | number)[] | null {
  if (typeof value === 'string') return isWellFormed(value) ? null : [];
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return null;
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      const found = firstIllFormed(value[index], depth + 1);
      if (found) return [index, ...found];
    }
    return null;
  }
  for (const key of Object.keys(value)) {
    if (!isWellFormed(key)) return [key];
    const found = firstIllFormed((value as Record<string, unknown>)[key], depth + 1);
    if (found) return [key, ...found];
  }
  return null;
}
