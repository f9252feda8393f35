import { z } from 'zod';

/**
 * Faults the sandbox produces on demand, for reliability tests only: a sandbox started with
 * `faults: true` (or `--faults` on its command line) accepts a plan at `PUT /__faults` and
 * reports what it did at `GET /__faults`. Without that option the routes do not exist, so no
 * console can ever meet a faulty platform by accident.
 */
export const HttpFaultKind = z.enum(['status_500', 'status_503', 'slow', 'reset', 'rate_limited']);
export const FeedFaultKind = z.enum(['wrong_type', 'missing_field', 'oversized_text', 'lone_surrogate', 'unknown_enum']);

export const FaultPlan = z
  .object({
    /** Seeds the choice of which requests fail, so a failing run can be replayed. */
    seed: z.number().int().nonnegative().default(1),
    http: z
      .object({
        /** Share (0–1) of API requests answered by a fault instead of the handler. */
        share: z.number().min(0).max(1),
        kinds: z.array(HttpFaultKind).min(1),
        /** How long a "slow" answer waits before it is sent (beyond the client's timeout). */
        slowMs: z.number().int().min(0).max(120_000).default(15_000),
        /** Retry-After sent with a rate_limited answer. */
        retryAfterSeconds: z.number().int().min(0).max(3600).default(1),
        /** Only these endpoint names (platformContract keys) fail; all when absent. */
        endpoints: z.array(z.string()).optional(),
      })
      .strict()
      .optional(),
    feed: z
      .object({
        /** Every n-th record the change feed sends is corrupted, in one of these ways, in turn. */
        everyNth: z.number().int().min(1),
        kinds: z.array(FeedFaultKind).min(1),
      })
      .strict()
      .optional(),
    /** The next change-feed request, whatever its cursor, is answered 410 cursor_reset (once). */
    cursorResetOnce: z.boolean().optional(),
  })
  .strict();
export type FaultPlan = z.input<typeof FaultPlan>;

/** What the sandbox did under the plan, counted per kind, for the test's and the chaos table's figures. */
export const FaultReport = z.object({
  plan: FaultPlan.nullable(),
  http: z.record(HttpFaultKind, z.number().int().nonnegative()),
  feed: z.record(FeedFaultKind, z.number().int().nonnegative()),
  cursorResets: z.number().int().nonnegative(),
  requests: z.number().int().nonnegative(),
  /**
   * Each request that came back after a 429 for the same call (same method, path, query and body):
   * how long the client waited against how long Retry-After asked it to. Added by Q-A.
   */
  retriesAfterRateLimit: z
    .array(z.object({ endpoint: z.string(), retryAfterMs: z.number().nonnegative(), waitedMs: z.number().nonnegative() }))
    .optional(),
});
export type FaultReport = z.infer<typeof FaultReport>;
