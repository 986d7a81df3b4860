/**
 * A global fan-out pace per platform, on top of the adapters' own per-chat throttling, at the rate each adapter
 * declares (`PlatformLimits.sendRate`, see src/adapters/<platform>/limits.ts). Each `take()` waits for the next
 * free slot.
 */

export interface RateLimiter {
  /** Resolves when the caller may send one message. */
  take(): Promise<void>;
}

/**
 * Spaces calls `1000 / perSecond` ms apart (no bursts). `perSecond` ≤ 0 or Infinity means unlimited.
 * `now` and `sleep` are injectable for tests.
 */
export function createRateLimiter(
  perSecond: number,
  now: () => number = () => performance.now(),
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
): RateLimiter {
  if (!(perSecond > 0) || !Number.isFinite(perSecond)) return { take: async () => {} };
  const spacing = 1000 / perSecond;
  let next = 0;
  return {
    async take() {
      const t = now();
      const slot = Math.max(t, next);
      next = slot + spacing;
      if (slot > t) await sleep(slot - t);
    },
  };
}
