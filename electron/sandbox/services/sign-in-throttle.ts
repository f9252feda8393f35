import { ApiFailure } from '../http/failure';
import type { PlatformDb } from '../store/database';

/** Failed sign-ins one username may have in the window before further attempts are refused. */
export const MAX_FAILED_SIGN_INS = 5;
export const SIGN_IN_WINDOW_MS = 15 * 60_000;

/**
 * Password guessing is slowed per username, not per address: the console signs in from staff
 * machines behind one office NAT, and a guesser is after one account. Unknown usernames are
 * counted the same, so the answer does not tell which usernames exist. Only failures count: a
 * throttled attempt is not a guess the platform checked, and does not push the window on.
 */
export function refuseIfThrottled(db: PlatformDb, username: string, now: Date): { failures: number; retryAfterSeconds: number } | null {
  const windowStart = new Date(now.getTime() - SIGN_IN_WINDOW_MS).toISOString();
  // Failures that aged out are of no further use; dropping them keeps the table to recent guesses.
  db.prepare('DELETE FROM login_failures WHERE username = ? AND at <= ?').run(username, windowStart);
  const recent = db.prepare('SELECT count(*) AS n, min(at) AS oldest FROM login_failures WHERE username = ?').get(username) as {
    n: number;
    oldest: string | null;
  };
  if (recent.n < MAX_FAILED_SIGN_INS || recent.oldest === null) return null;
  const agesOutAt = Date.parse(recent.oldest) + SIGN_IN_WINDOW_MS;
  return { failures: recent.n, retryAfterSeconds: Math.max(1, Math.ceil((agesOutAt - now.getTime()) / 1000)) };
}

export function throttledFailure(retryAfterSeconds: number): ApiFailure {
  return new ApiFailure(
    'rate_limited',
    `too many failed sign-ins for this username; try again in ${Math.ceil(retryAfterSeconds / 60)} min`,
    { path: 'body.username' },
    { 'retry-after': String(retryAfterSeconds) },
  );
}

export const recordFailedSignIn = (db: PlatformDb, username: string, now: Date): void => {
  db.prepare('INSERT INTO login_failures (username, at) VALUES (?, ?)').run(username, now.toISOString());
};

export const forgetFailedSignIns = (db: PlatformDb, username: string): void => {
  db.prepare('DELETE FROM login_failures WHERE username = ?').run(username);
};
