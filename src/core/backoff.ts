/**
 * Exponential backoff with jitter, the one formula behind every retry: feeds that fail (5 minutes up to a day,
 * see ./source-health.ts) and posts a platform refused for now (30 s up to an hour, never sooner than its own
 * `retry_after`). Jitter spreads retries so that what failed together does not retry together.
 */

/** Options of {@link backoffDelay}. */
export interface BackoffOptions {
  /** Delay after the first failure. */
  baseMs: number;
  /** Cap. */
  maxMs: number;
  /**
   * Jitter as [low, high] fractions of the exponential delay: [0.9, 1.1] is ±10 %, [0.5, 1] is "half fixed,
   * half random". The result never exceeds maxMs.
   */
  spread: readonly [number, number];
  /** Source of jitter in [0, 1) (default Math.random; tests pass a constant). */
  random?: () => number;
  /** Never less than this (default 0). */
  minMs?: number;
}

/** Delay before the next attempt after `failures` failures in a row (0 or 1 → baseMs, then doubling). */
export function backoffDelay(failures: number, opts: BackoffOptions): number {
  const n = Math.max(0, Math.floor(failures));
  const exp = Math.min(opts.baseMs * 2 ** Math.min(Math.max(0, n - 1), 30), opts.maxMs);
  const [low, high] = opts.spread;
  const factor = low + (opts.random ?? Math.random)() * (high - low);
  return Math.max(opts.minMs ?? 0, Math.round(Math.min(exp * factor, opts.maxMs)));
}

/** Options of {@link sendRetryDelay}. */
export interface SendBackoffOptions {
  /** Delay after the first failure (default 30 s). */
  baseMs?: number;
  /** Cap (default 1 h). */
  maxMs?: number;
  /** Source of jitter in [0, 1) (default Math.random; tests pass a constant). */
  random?: () => number;
}

/**
 * Delay before a post's attempt `attempt + 1` after a transient send failure (429, 5xx, network), given `attempt`
 * failures so far (1 = first failure): half fixed, half jitter, and never sooner than the platform's own
 * `retry_after`.
 */
export function sendRetryDelay(
  attempt: number,
  retryAfterMs: number | undefined,
  opts: SendBackoffOptions = {},
): number {
  const delay = backoffDelay(attempt, {
    baseMs: opts.baseMs ?? 30_000,
    maxMs: opts.maxMs ?? 3_600_000,
    spread: [0.5, 1],
    ...(opts.random ? { random: opts.random } : {}),
  });
  return Math.max(delay, retryAfterMs ?? 0);
}
