/**
 * Masks what must never reach a log line: mainland mobile numbers, e-mail addresses, bearer,
 * access and refresh tokens, and passwords. Pure and dependency-free so every process can run
 * its log through it; it errs towards masking, since a log line over-masked costs little and
 * one under-masked is a leak that outlives the session.
 */

/** Separators people and systems put inside a phone number: spaces, dashes, dots. */
const SEP = '[\\s.-]?';
/**
 * A mainland mobile number, optionally with +86/0086, and not glued to other digits (so an
 * order number or timestamp that happens to contain eleven digits is left alone).
 */
const mobile = new RegExp(`(?<![\\d])(?:(?:\\+|00)86${SEP})?(1[3-9]\\d)${SEP}(\\d{4})${SEP}(\\d{4})(?![\\d])`, 'g');
const email = /([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9-]+\.)+[A-Za-z]{2,}/g;
/** Three base64url segments, the first starting like a JSON header: a JWT wherever it appears. */
const jwt = /\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}/g;
const bearer = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/gi;
/**
 * key=value, key: value and "key": "value" where the key names a secret. The value is a quoted
 * string or a run without separators.
 */
const secretKeys =
  '(?:access[_-]?token|refresh[_-]?token|id[_-]?token|accessToken|refreshToken|token|api[_-]?key|apiKey|secret|client[_-]?secret|authorization|password|passwd|pwd|pass|cookie|set-cookie|session[_-]?id|sessionId)';
const keyed = new RegExp(`(["']?\\b${secretKeys}["']?\\s*[:=]\\s*)("(?:[^"\\\\]|\\\\.)*"|'(?:[^'\\\\]|\\\\.)*'|[^\\s,;&}\\]]+)`, 'gi');
/** The platform's own tokens (xta_… access, xtr_… refresh) and long opaque secrets in free text. */
const platformToken = /\bxt[ar]_[A-Za-z0-9_-]{16,}/g;
const longHex = /\b[a-f0-9]{40,}\b/gi;

const MASK = '[redacted]';

export function redactSecrets(line: string): string {
  return (
    line
      .replace(keyed, (_all, key: string, value: string) => {
        const quote = value.startsWith('"') ? '"' : value.startsWith("'") ? "'" : '';
        return `${key}${quote}${MASK}${quote}`;
      })
      .replace(bearer, (_all, scheme: string) => `${scheme} ${MASK}`)
      .replace(jwt, MASK)
      .replace(platformToken, MASK)
      // Long hex is how hashes look too; a 64-character audit hash is not a secret, but a log
      // line has no business carrying one either, and telling them apart is guesswork.
      .replace(longHex, MASK)
      .replace(mobile, (_all, head: string, _mid: string, tail: string) => `${head}****${tail}`)
      .replace(email, (_all, first: string) => `${first}***@***`)
  );
}
