/**
 * How a platform that answers is doing: errors, timeouts, dropped connections and rate limits
 * that the client is retrying through. An unreachable platform is not "degraded", it is offline,
 * and the sync engine already says so; both at once would only confuse the reader.
 */
export type DegradedCode = 'server_error' | 'timeout' | 'connection_reset' | 'rate_limited';

export interface Degraded {
  since: string;
  code: DegradedCode;
}

/** How long calls must succeed without a failure before the platform counts as healthy again. */
export const DEFAULT_CALM_MS = 3_000;

/** Network errors that mean "nobody is there", as opposed to "somebody is there and struggling". */
const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);

/** Sorts an axios/network error code into a degraded kind, or null when the platform is simply unreachable. */
export function degradedCodeOfNetworkError(code: string | undefined): DegradedCode | null {
  if (code !== undefined && UNREACHABLE.has(code)) return null;
  return code === 'ETIMEDOUT' || code === 'ECONNABORTED' ? 'timeout' : 'connection_reset';
}

export class PlatformHealth {
  private degraded: Degraded | null = null;
  private lastFailureAt = 0;

  constructor(
    private readonly calmMs = DEFAULT_CALM_MS,
    private readonly now: () => number = Date.now,
  ) {}

  current(): Degraded | null {
    return this.degraded ? { ...this.degraded } : null;
  }

  /** A call failed in a way worth retrying; `null` means the platform could not be reached at all. */
  failed(code: DegradedCode | null): void {
    if (code === null) {
      this.degraded = null;
      return;
    }
    this.lastFailureAt = this.now();
    // The start of the trouble stays put: "retrying since 14:02" must not move with every retry.
    this.degraded = { since: this.degraded?.since ?? new Date(this.lastFailureAt).toISOString(), code };
  }

  /** The platform answered as it should (an answer or a proper refusal). */
  answered(): void {
    // Under a 30 % fault rate most calls still succeed; one success is not a recovery.
    if (this.degraded && this.now() - this.lastFailureAt >= this.calmMs) this.degraded = null;
  }
}
