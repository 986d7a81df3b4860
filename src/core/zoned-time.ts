/**
 * Wall-clock time in IANA time zones with `Intl` only: the local fields of an instant, a zone's offset, and the
 * instant of a local time. Daylight saving time: a local time skipped by a spring-forward change moves forward by
 * the gap, and one that happens twice is taken at its first occurrence. Shared by schedules (when a post is due)
 * and quiet hours (when a held post may go).
 */

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
