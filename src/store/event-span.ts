/**
 * How long an event may last, by precision: what lets a timeline from a date find the months, years and periods
 * that began before that date and last into it through an index on (precision, startDate), instead of testing
 * every earlier event. The extractor never goes beyond these (date-rules.ts: a span longer than a year is a
 * misreading); the writer (eventColumns) refuses events that do.
 */
import type { Precision } from "../core/analysis-types.ts";

/** Days from the first day to the last: a month 1st–31st, a leap year, the longest period date-rules accepts. */
export const MAX_SPAN_DAYS: Record<Precision, number> = { day: 0, month: 30, year: 365, period: 366 };

const DAY_MS = 86_400_000;

function utc(day: string): number {
  return Date.parse(`${day}T00:00:00Z`);
}

/** True when `end` is within the longest span allowed for `precision` after `start` (both YYYY-MM-DD). */
export function spanFits(start: string, end: string, precision: string): boolean {
  const max = MAX_SPAN_DAYS[precision as Precision];
  if (max === undefined) return false;
  const days = (utc(end) - utc(start)) / DAY_MS;
  return Number.isFinite(days) && days <= max;
}

/** The day `days` days before `day` (YYYY-MM-DD). */
export function daysBefore(day: string, days: number): string {
  return new Date(utc(day) - days * DAY_MS).toISOString().slice(0, 10);
}
