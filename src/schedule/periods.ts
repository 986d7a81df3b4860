/**
 * Periods of a subscription: which occurrence a due subscription is planned for, its outbox key, and when
 * it is due next. Digests and anniversaries follow the local time of their time zone (./next-due.ts);
 * alerts run on a fixed grid of `alertEveryMinutes`.
 */
import type { SubscriptionRecord } from "../core/delivery.ts";
import { latestOccurrence, localDay, nextOccurrence } from "./next-due.ts";

/** The occurrence a post is planned for. */
export interface Period {
  /** Unique per subscription: a period is enqueued at most once. */
  key: string;
  at: Date;
  /** Local day of the occurrence in the subscription's time zone. */
  localDate: string;
}

const DAY_MS = 86_400_000;

function schedule(sub: SubscriptionRecord) {
  return { time: sub.time, timezone: sub.timezone, weekday: sub.frequency === "weekly" ? (sub.weekday ?? 1) : null };
}

function slotMs(alertEveryMinutes: number): number {
  return Math.max(1, Math.round(alertEveryMinutes)) * 60_000;
}

/** The first due instant strictly after `after`. */
export function nextDueFor(sub: SubscriptionRecord, after: Date, alertEveryMinutes: number): Date {
  if (sub.kind === "alerts") {
    const slot = slotMs(alertEveryMinutes);
    return new Date((Math.floor(after.getTime() / slot) + 1) * slot);
  }
  return nextOccurrence(schedule(sub), after).at;
}

/**
 * The latest period at or before `now`. After downtime this is the most recent missed occurrence only:
 * missed runs are caught up once, not once per missed tick.
 */
export function currentPeriod(sub: SubscriptionRecord, now: Date, alertEveryMinutes: number): Period {
  if (sub.kind === "alerts") {
    const slot = slotMs(alertEveryMinutes);
    const at = new Date(Math.floor(now.getTime() / slot) * slot);
    return { key: `alerts:${at.toISOString()}`, at, localDate: localDay(at, sub.timezone) };
  }
  const occ = latestOccurrence(schedule(sub), now) ?? { at: now, localDate: localDay(now, sub.timezone) };
  return { key: `${sub.kind}:${occ.localDate}`, at: occ.at, localDate: occ.localDate };
}

/** Most missed anniversary days posted after downtime; older ones are skipped (and logged by the scheduler). */
export const MAX_MISSED_ANNIVERSARY_DAYS = 7;

/**
 * Daily anniversaries are about a calendar day, so after downtime each missed day is its own period (posted
 * once, oldest first, at most `max` of them, the newest kept). Every other kind — and weekly anniversaries —
 * is caught up once with the latest period: a digest's window already covers everything since the last one.
 */
export function duePeriods(
  sub: SubscriptionRecord,
  now: Date,
  alertEveryMinutes: number,
  max = MAX_MISSED_ANNIVERSARY_DAYS,
): { periods: Period[]; skipped: number } {
  const latest = currentPeriod(sub, now, alertEveryMinutes);
  if (sub.kind !== "anniversaries" || sub.frequency === "weekly" || !sub.nextDueAt) {
    return { periods: [latest], skipped: 0 };
  }
  const from = sub.nextDueAt.getTime();
  const out: Period[] = [];
  let skipped = 0;
  let occ = latestOccurrence(schedule(sub), now);
  // Bounded: one step per local day back to the first missed occurrence (at most a year of downtime counted).
  for (let i = 0; occ && occ.at.getTime() >= from && i < 366; i++) {
    if (out.length < max) out.unshift({ key: `${sub.kind}:${occ.localDate}`, at: occ.at, localDate: occ.localDate });
    else skipped++;
    occ = latestOccurrence(schedule(sub), new Date(occ.at.getTime() - 1));
  }
  return { periods: out.length > 0 ? out : [latest], skipped };
}

/** Where the data window of a first post starts: one period before its occurrence. */
export function firstWindowStart(sub: SubscriptionRecord, period: Period, alertEveryMinutes: number): Date {
  const span = sub.kind === "alerts" ? slotMs(alertEveryMinutes) : sub.frequency === "weekly" ? 7 * DAY_MS : DAY_MS;
  return new Date(period.at.getTime() - span);
}
