/**
 * Retry delays for transient send failures (429, 5xx, network): exponential with jitter, and never
 * sooner than the platform's own `retry_after`.
 */

export interface BackoffOptions {
  /** Delay after the first failure (default 30 s). */
  baseMs?: number;
  /** Cap (default 1 h). */
  maxMs?: number;
  /** Source of jitter in [0, 1) (default Math.random; tests pass a constant). */
  random?: () => number;
}

/** Delay before attempt `attempt + 1`, given `attempt` failures so far (1 = first failure). */
export function backoffMs(attempt: number, retryAfterMs: number | undefined, opts: BackoffOptions = {}): number {
  const base = opts.baseMs ?? 30_000;
  const max = opts.maxMs ?? 3_600_000;
  const random = opts.random ?? Math.random;
  const exp = Math.min(max, base * 2 ** Math.max(0, attempt - 1));
  // Half fixed, half jitter: processes that failed together do not retry together.
  const delay = Math.round(exp * (0.5 + random() * 0.5));
  return Math.max(delay, retryAfterMs ?? 0);
}
