/**
 * When a subscription is due: local wall-clock times ("08:00" every day, or every Monday) in an IANA time
 * zone, turned into instants with `Intl` only. Daylight saving time:
 * - a local time skipped by a spring-forward change (02:30 in Paris on the last Sunday of March) is posted
 *   at the same distance after the change (03:30), never skipped;
 * - a local time that happens twice at a fall-back change is posted once, at its first occurrence.
 */
import { localParts, zonedTime } from "../core/zoned-time.ts";

/** A local schedule. `weekday` (0 = Sunday … 6 = Saturday) makes it weekly. */
export interface LocalSchedule {
  /** "HH:MM". */
  time: string;
  timezone: string;
  weekday?: number | null;
}

/** One occurrence: the instant and its local calendar day ("YYYY-MM-DD"). */
export interface Occurrence {
  at: Date;
  localDate: string;
}

function parseTime(time: string): { hh: number; mm: number } {
  const m = /^(\d{1,2}):(\d{2})$/.exec(time);
  if (!m) throw new RangeError(`bad time: ${time}`);
  return { hh: Number(m[1]), mm: Number(m[2]) };
}

function isoDay(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** The occurrence on the local day `offsetDays` after the local day of `ref`, or null when not that weekday. */
function occurrenceOn(s: LocalSchedule, ref: Date, offsetDays: number): Occurrence | null {
  const l = localParts(ref, s.timezone);
  const day = new Date(Date.UTC(l.y, l.m - 1, l.d + offsetDays));
  if (s.weekday != null && day.getUTCDay() !== s.weekday) return null;
  const { hh, mm } = parseTime(s.time);
  const y = day.getUTCFullYear();
  const m = day.getUTCMonth() + 1;
  const d = day.getUTCDate();
  return { at: zonedTime(y, m, d, hh, mm, s.timezone), localDate: isoDay(y, m, d) };
}

/** The first occurrence strictly after `after`. */
export function nextOccurrence(s: LocalSchedule, after: Date): Occurrence {
  for (let i = -1; i <= 8; i++) {
    const o = occurrenceOn(s, after, i);
    if (o && o.at.getTime() > after.getTime()) return o;
  }
  throw new Error(`no occurrence found for ${s.time} ${s.timezone}`);
}

/** The last occurrence at or before `at`, or null when there is none in the previous 8 days. */
export function latestOccurrence(s: LocalSchedule, at: Date): Occurrence | null {
  for (let i = 1; i >= -8; i--) {
    const o = occurrenceOn(s, at, i);
    if (o && o.at.getTime() <= at.getTime()) return o;
  }
  return null;
}

/** The local calendar day of an instant ("YYYY-MM-DD"). */
export function localDay(at: Date, tz: string): string {
  const l = localParts(at, tz);
  return isoDay(l.y, l.m, l.d);
}

/** Adds days to a "YYYY-MM-DD" day. */
export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
