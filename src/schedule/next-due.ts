/**
 * When a subscription is due: local wall-clock times ("08:00" every day, or every Monday) in an IANA time
 * zone, turned into instants with `Intl` only. Daylight saving time:
 * - a local time skipped by a spring-forward change (02:30 in Paris on the last Sunday of March) is posted
 *   at the same distance after the change (03:30), never skipped;
 * - a local time that happens twice at a fall-back change is posted once, at its first occurrence.
 */

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

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: tz,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(tz, f);
  }
  return f;
}

/** Local wall-clock fields of an instant in a time zone. */
export function localParts(at: Date, tz: string): { y: number; m: number; d: number; hh: number; mm: number } {
  const p: Record<string, number> = {};
  for (const part of formatter(tz).formatToParts(at)) {
    if (part.type !== "literal") p[part.type] = Number(part.value);
  }
  return { y: p.year ?? 0, m: p.month ?? 0, d: p.day ?? 0, hh: (p.hour ?? 0) % 24, mm: p.minute ?? 0 };
}

/** Offset of the zone from UTC at an instant, in ms (Paris in winter: +3 600 000). */
export function offsetAt(at: Date, tz: string): number {
  const l = localParts(at, tz);
  const asUtc = Date.UTC(l.y, l.m - 1, l.d, l.hh, l.mm);
  return asUtc - Math.floor(at.getTime() / 60_000) * 60_000;
}

/** The instant of a local wall-clock time (see the module comment for DST gaps and overlaps). */
export function zonedTime(y: number, m: number, d: number, hh: number, mm: number, tz: string): Date {
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  const before = offsetAt(new Date(wall - DAY_MS / 2), tz);
  const after = offsetAt(new Date(wall + DAY_MS / 2), tz);
  const valid = [...new Set([before, after])]
    .map((o) => wall - o)
    .filter((t) => {
      const l = localParts(new Date(t), tz);
      return Date.UTC(l.y, l.m - 1, l.d, l.hh, l.mm) === wall;
    })
    .sort((a, b) => a - b);
  // In a gap no candidate is valid: the offset in force before the change moves the time forward.
  return new Date(valid[0] ?? wall - before);
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
