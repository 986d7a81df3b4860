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
