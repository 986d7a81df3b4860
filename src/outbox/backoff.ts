/**
 * Retry delays for transient send failures (429, 5xx, network): exponential with jitter (../core/backoff.ts),
 * and never sooner than the platform's own `retry_after`.
 */
import { backoffDelay } from "../core/backoff.ts";

export interface SendBackoffOptions {
  /** Delay after the first failure (default 30 s). */
  baseMs?: number;
  /** Cap (default 1 h). */
  maxMs?: number;
  /** Source of jitter in [0, 1) (default Math.random; tests pass a constant). */
  random?: () => number;
}

/** Delay before attempt `attempt + 1`, given `attempt` failures so far (1 = first failure). */
export function backoffMs(attempt: number, retryAfterMs: number | undefined, opts: SendBackoffOptions = {}): number {
  // Half fixed, half jitter: processes that failed together do not retry together.
  const delay = backoffDelay(attempt, {
    baseMs: opts.baseMs ?? 30_000,
    maxMs: opts.maxMs ?? 3_600_000,
    spread: [0.5, 1],
    ...(opts.random ? { random: opts.random } : {}),
  });
  return Math.max(delay, retryAfterMs ?? 0);
}
