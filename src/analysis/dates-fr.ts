/**
 * French calendar vocabulary and plain date arithmetic on ISO calendar strings (YYYY-MM-DD), in UTC so the
 * analysis never depends on the machine's time zone.
 */

import { MONTHS_LONG, MONTHS as MONTHS_SHORT } from "../core/format.ts";
import { stripAccents } from "../core/text.ts";

/** Abbreviations the replies do not write but articles do ("fév."), with their month. */
const MORE_ABBREVIATIONS: ReadonlyArray<readonly [string, number]> = [["fév.", 2]];

/** Every written form of each month: the names and short forms of ../core/format.ts (the one table), then ours. */
const MONTH_FORMS: ReadonlyArray<readonly [string, number]> = [
  ...MONTHS_LONG.fr.flatMap((name, i) => {
    const short = MONTHS_SHORT.fr[i] ?? name;
    return short === name ? [[name, i + 1] as const] : [[name, i + 1] as const, [short, i + 1] as const];
  }),
  ...MORE_ABBREVIATIONS,
];

/** A month word as the lookup keys it: lower case, no accents, no trailing dot ("Févr." → "fevr"). */
const monthKey = (word: string) => stripAccents(word).toLowerCase().replace(/\.$/, "");

/** Month number (1–12) by folded French name or abbreviation ("fevrier", "fevr", "aout", "sept"...). */
export const MONTHS: ReadonlyMap<string, number> = new Map(MONTH_FORMS.map(([form, n]) => [monthKey(form), n]));

/** Regex source of a written form: accented letters match with or without their accent, the dot literally. */
const pattern = (form: string) => form.replace(/\./g, "\\.").replace(/é/g, "[ée]").replace(/û/g, "[uû]");

/** Regex source matching a French month name (accented or not) or its abbreviation with a dot. */
export const MONTH_RE = `(?:${MONTH_FORMS.map(([form]) => pattern(form)).join("|")})`;

/** Regex source matching a full French month name only (accented or not). */
export const MONTH_NAME_RE = `(?:${MONTHS_LONG.fr.map(pattern).join("|")})`;

/** Weekday index (0 = Sunday, as Date#getUTCDay) by folded French name. */
export const WEEKDAYS: ReadonlyMap<string, number> = new Map([
  ["dimanche", 0],
  ["lundi", 1],
  ["mardi", 2],
  ["mercredi", 3],
  ["jeudi", 4],
  ["vendredi", 5],
  ["samedi", 6],
]);

/** Regex source matching a French weekday name. */
export const WEEKDAY_RE = `(?:${[...WEEKDAYS.keys()].join("|")})`;

/** The full month names and the weekdays, folded ("fevrier", "lundi"): words that date a text. */
export const CALENDAR_WORDS: readonly string[] = [...MONTHS_LONG.fr.map(monthKey), ...WEEKDAYS.keys()];

/** French ordinals in words, for anniversaries ("dixième anniversaire"), folded. */
export const ORDINAL_WORDS: ReadonlyMap<string, number> = new Map([
  ["premier", 1],
  ["deuxieme", 2],
  ["second", 2],
  ["troisieme", 3],
  ["quatrieme", 4],
  ["cinquieme", 5],
  ["sixieme", 6],
  ["septieme", 7],
  ["huitieme", 8],
  ["neuvieme", 9],
  ["dixieme", 10],
  ["quinzieme", 15],
  ["vingtieme", 20],
  ["vingt-cinquieme", 25],
  ["trentieme", 30],
  ["trente-cinquieme", 35],
  ["quarantieme", 40],
  ["cinquantieme", 50],
  ["soixantieme", 60],
  ["soixante-dixieme", 70],
  ["soixante-quinzieme", 75],
  ["quatre-vingtieme", 80],
  ["centieme", 100],
]);

/** Ordinal day words for "le deuxième jour", up to the fifth (folded); "dernier" is handled by the caller. */
export const DAY_ORDINALS: ReadonlyMap<string, number> = new Map([...ORDINAL_WORDS].filter(([, n]) => n <= 5));

/** Month number from a matched month word (any case/accents, optional trailing dot); 0 when unknown. */
export function monthNumber(word: string): number {
  return MONTHS.get(monthKey(word)) ?? 0;
}

/** Number of days in a month (1–12) of a year. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** True when the triple is a real calendar day ("31 février" is not). */
export function isValidDay(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    year >= 1 &&
    month >= 1 &&
    month <= 12 &&
    Number.isInteger(day) &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/** Years accepted as dates in news text: wider than the beat, narrow enough to reject "350 actes". */
export function isPlausibleYear(year: number): boolean {
  return Number.isInteger(year) && year >= 1800 && year <= 2100;
}

/** Formats a calendar day as YYYY-MM-DD. */
export function iso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Parses YYYY-MM-DD (extra time part ignored) into [y, m, d], or null when invalid. */
export function parseIso(value: string | null | undefined): [number, number, number] | null {
  if (!value) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  return isValidDay(y, mo, d) ? [y, mo, d] : null;
}

/** Days since 1970-01-01 for an ISO day (NaN when invalid). */
export function dayNumber(value: string): number {
  const p = parseIso(value);
  return p ? Date.UTC(p[0], p[1] - 1, p[2]) / 86_400_000 : Number.NaN;
}

/** ISO day `n` days after (or before, when negative) an ISO day. */
export function addDays(value: string, n: number): string {
  const d = new Date((dayNumber(value) + n) * 86_400_000);
  return iso(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** Weekday (0 = Sunday) of an ISO day. */
export function weekdayOf(value: string): number {
  return new Date(dayNumber(value) * 86_400_000).getUTCDay();
}

/**
 * Year for a day+month written without a year, seen from the publication day `ref`: news reports the past, so the
 * most recent occurrence on or before `ref` (a few days of slack for time zones and late copy), unless the verb is
 * in the future, then the next occurrence on or after `ref` (same slack backwards).
 */
export function inferYear(month: number, day: number, ref: [number, number, number], future: boolean): number {
  const [ry] = ref;
  const refDay = Date.UTC(ref[0], ref[1] - 1, ref[2]);
  const slack = 3 * 86_400_000;
  // 29 February: evaluate against the same year even if invalid there; the caller validates the result.
  const candidate = Date.UTC(ry, month - 1, Math.min(day, daysInMonth(ry, month)));
  if (future) return candidate >= refDay - slack ? ry : ry + 1;
  return candidate <= refDay + slack ? ry : ry - 1;
}

/** Future cues (lower-case words only, so "Samara" or "Ankara" never count): "débutera", "doit signer"... */
const L = "a-zàâäéèêëîïôöùûüç";
const FUTURE_RE = new RegExp(
  `(?<![${L}A-Z])(?:[${L}]{2,}(?:era|eront|ira|iront|dra|dront|ra|ront)|prochaine?s?|doi(?:t|vent) [${L}]+(?:er|ir|re)|devr(?:a|ont|ait|aient)|va|vont|pr[ée]vue?s?|à venir|aura lieu)(?![${L}])`,
  "g",
);
const NOT_FUTURE = new Set(["opéra", "caméra", "extra", "ultra", "contra", "choléra", "mantra", "cobra", "para"]);

/**
 * True when a clause (original casing) speaks of the future: a future-tense verb, "prochain", "doit/va + infinitive",
 * "prévu". The conditional is not counted: "-rait" is also the imperfect of verbs in -rer.
 */
export function isFutureClause(clause: string): boolean {
  FUTURE_RE.lastIndex = 0;
  for (let m = FUTURE_RE.exec(clause); m; m = FUTURE_RE.exec(clause)) {
    if (!NOT_FUTURE.has(m[0])) return true;
  }
  return false;
}

/** Year of the occurrence of a yearless day closest to `ref` (last year, this year or next year). */
export function nearestYear(month: number, day: number, ref: [number, number, number]): number {
  const refDay = Date.UTC(ref[0], ref[1] - 1, ref[2]);
  let best = ref[0];
  let bestGap = Number.POSITIVE_INFINITY;
  for (const y of [ref[0] - 1, ref[0], ref[0] + 1]) {
    const gap = Math.abs(Date.UTC(y, month - 1, Math.min(day, daysInMonth(y, month))) - refDay);
    if (gap < bestGap) {
      best = y;
      bestGap = gap;
    }
  }
  return best;
}

/** Year of a yearless month seen from `ref`: the current month counts as both the last and the next one. */
export function monthYear(month: number, ref: [number, number, number], dir: "future" | "past" | "nearest"): number {
  const [ry, rm] = ref;
  if (dir === "future") return month >= rm ? ry : ry + 1;
  if (dir === "past") return month <= rm ? ry : ry - 1;
  const diff = month - rm;
  return diff > 6 ? ry - 1 : diff < -6 ? ry + 1 : ry;
}
