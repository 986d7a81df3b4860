/**
 * Quiet hours of a chat (/settings quiet 22:00-07:00): a scheduled post due inside the window is held until the
 * window ends, in the chat's time zone. A window whose start is after its end crosses midnight. DST: the end is
 * a local wall-clock time turned into an instant like any schedule (./zoned-time.ts), so a skipped hour moves it
 * forward, never drops it.
 */
import type { QuietHours } from "./delivery.ts";
import { localParts, zonedTime } from "./zoned-time.ts";

function minutes(hhmm: string): number | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm);
  if (!m) return null;
  const v = Number(m[1]) * 60 + Number(m[2]);
  return v >= 0 && v < 24 * 60 ? v : null;
}

/** The chat's quiet hours as a value, or null when it has none (or they are malformed). */
export function quietHoursOf(chat: {
  quietStart?: string | null;
  quietEnd?: string | null;
  timezone: string;
}): QuietHours | null {
  if (!chat.quietStart || !chat.quietEnd) return null;
  const s = minutes(chat.quietStart);
  const e = minutes(chat.quietEnd);
  if (s === null || e === null || s === e) return null;
  return { start: chat.quietStart, end: chat.quietEnd, timezone: chat.timezone };
}

/** When `at` falls inside the quiet hours, the instant they end; otherwise null. */
export function quietUntil(at: Date, q: QuietHours | null | undefined): Date | null {
  if (!q) return null;
  const s = minutes(q.start);
  const e = minutes(q.end);
  if (s === null || e === null || s === e) return null;
  const l = localParts(at, q.timezone);
  const now = l.hh * 60 + l.mm;
  const inside = s < e ? now >= s && now < e : now >= s || now < e;
  if (!inside) return null;
  // Crossing midnight and already past the start: the window ends tomorrow (local calendar).
  const dayOffset = s > e && now >= s ? 1 : 0;
  const day = new Date(Date.UTC(l.y, l.m - 1, l.d + dayOffset));
  const end = zonedTime(
    day.getUTCFullYear(),
    day.getUTCMonth() + 1,
    day.getUTCDate(),
    Math.floor(e / 60),
    e % 60,
    q.timezone,
  );
  // A DST change inside the window could put the computed end at or before `at`: never hold backwards.
  return end.getTime() > at.getTime() ? end : new Date(at.getTime() + 60_000);
}
