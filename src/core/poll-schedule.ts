/**
 * When to poll a feed next, from what the feed and its server asked for. The bot polls every `baseMs` (the
 * window), never more often than the publisher allows:
 * - RSS `<ttl>` (minutes), `sy:updatePeriod` / `sy:updateFrequency` (RSS 1.0 syndication module),
 *   `Cache-Control: max-age` on the response: the next poll is not before the longest of them;
 * - `Retry-After` on a 429 or 503: the next attempt is not before it, whatever the backoff says.
 * Hints are capped at a day so a typo in a feed (ttl=99999) cannot silence it for months.
 * Jitter: a healthy feed is due again after baseMs·(1 − jitter·r), r in [0, 1): never later than one
 * window, and feeds fetched together drift apart instead of coming back as one herd.
 */

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** Publisher hints read from the feed and the response; every field optional. */
export interface PollHints {
  /** RSS `<ttl>`, in minutes. */
  ttlMinutes?: number | null;
  /** Period of `sy:updatePeriod` / `sy:updateFrequency`, in ms. */
  syndicationMs?: number | null;
  /** `Cache-Control: max-age`, in seconds. */
  maxAgeSeconds?: number | null;
  /**
   * The interval a feed asked for before a restart, in ms (see rememberedInterval): a 304 carries no
   * `<ttl>`, so without it a restarted bot would poll every window until the feed changes.
   */
  rememberedMs?: number | null;
}

/** The longest delay the hints ask for, in ms (0 when none), capped at a day. */
export function hintDelayMs(h: PollHints): number {
  const asked = [
    h.ttlMinutes != null && h.ttlMinutes > 0 ? h.ttlMinutes * MINUTE : 0,
    h.syndicationMs != null && h.syndicationMs > 0 ? h.syndicationMs : 0,
    h.maxAgeSeconds != null && h.maxAgeSeconds > 0 ? h.maxAgeSeconds * 1000 : 0,
    h.rememberedMs != null && h.rememberedMs > 0 ? h.rememberedMs : 0,
  ];
  return Math.min(DAY, Math.max(...asked));
}

/** Delay until the next poll of a feed that answered (200 or 304). */
export function nextPollDelay(baseMs: number, hints: PollHints, jitter = 0.1, random: () => number = Math.random) {
  const j = Math.max(0, Math.min(jitter, 0.5));
  const spread = Math.round(baseMs * (1 - j * random()));
  return Math.max(spread, hintDelayMs(hints));
}

/**
 * The interval the last poll of a healthy feed scheduled (due time − last success), when it was longer than
 * the window: a hint asked for it then. Null when the last fetch failed (a backoff is no hint) or unknown.
 */
export function rememberedInterval(
  baseMs: number,
  s: { dueAt?: Date | null; lastSuccessAt: Date | null; consecutiveFailures: number },
): number | null {
  if (!s.dueAt || !s.lastSuccessAt || s.consecutiveFailures > 0) return null;
  const ms = s.dueAt.getTime() - s.lastSuccessAt.getTime();
  return ms > baseMs ? Math.min(DAY, ms) : null;
}

const PERIODS: Record<string, number> = {
  hourly: 60 * MINUTE,
  daily: DAY,
  weekly: 7 * DAY,
  monthly: 30 * DAY,
  yearly: 365 * DAY,
};

/** `sy:updatePeriod` + `sy:updateFrequency` as a delay in ms (null when absent or unknown). */
export function syndicationDelay(period: string | null, frequency: string | null): number | null {
  if (!period) return null;
  const ms = PERIODS[period.trim().toLowerCase()];
  if (!ms) return null;
  const f = Number.parseInt(frequency ?? "1", 10);
  return Math.round(ms / (Number.isFinite(f) && f > 0 ? f : 1));
}

/** `max-age` of a Cache-Control header, in seconds (null when absent; 0 for no-cache / no-store). */
export function cacheMaxAge(header: string | null | undefined): number | null {
  if (!header) return null;
  const h = header.toLowerCase();
  if (/\bno-(?:cache|store)\b/.test(h)) return 0;
  const m = /\bmax-age\s*=\s*"?(\d+)/.exec(h);
  return m ? Number(m[1]) : null;
}

/**
 * `Retry-After` in ms from `now`: delta-seconds or an HTTP date (null when absent or unreadable; never
 * negative). Capped at a day like the other hints.
 */
export function retryAfterMs(header: string | null | undefined, now: Date): number | null {
  if (!header) return null;
  const v = header.trim();
  if (/^\d+$/.test(v)) return Math.min(DAY, Number(v) * 1000);
  const at = Date.parse(v);
  if (Number.isNaN(at)) return null;
  return Math.min(DAY, Math.max(0, at - now.getTime()));
}
