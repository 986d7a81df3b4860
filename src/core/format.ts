/**
 * Shared formatting of dates and counts for replies (French and English).
 */
import type { Precision } from "./analysis-types.ts";
import type { Lang } from "./command.ts";

/** Short month names as dates in replies write them, January first. */
export const MONTHS: Record<Lang, readonly string[]> = {
  fr: ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."],
  en: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
};
/** Full month names, January first. */
export const MONTHS_LONG: Record<Lang, readonly string[]> = {
  fr: [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
  ],
  en: [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
  ],
};

function parts(iso: string): { y: number; m: number; d: number } {
  return { y: Number(iso.slice(0, 4)), m: Number(iso.slice(5, 7)), d: Number(iso.slice(8, 10)) };
}

/** "20 nov. 2026" / "Nov 20, 2026" from a Date (UTC day). */
export function formatDay(date: Date, lang: Lang): string {
  return formatIsoDay(date.toISOString().slice(0, 10), lang);
}

/** "27 novembre 2024" / "November 27, 2024" from YYYY-MM-DD. */
export function formatLongDay(iso: string, lang: Lang): string {
  const { y, m, d } = parts(iso);
  const month = MONTHS_LONG[lang][m - 1] ?? "";
  return lang === "fr" ? `${d === 1 ? "1er" : d} ${month} ${y}` : `${month} ${d}, ${y}`;
}

/** "24 novembre" / "1er mars" / "November 24": a day of the year without its year, as a title says it. */
export function formatDayMonth(month: number, day: number, lang: Lang): string {
  const name = MONTHS_LONG[lang][month - 1] ?? "";
  return lang === "fr" ? `${day === 1 ? "1er" : day} ${name}` : `${name} ${day}`;
}

/** "1er nov. 2026" / "20 nov. 2026" / "Nov 20, 2026" from YYYY-MM-DD (French writes the first of a month "1er"). */
export function formatIsoDay(iso: string, lang: Lang): string {
  const { y, m, d } = parts(iso);
  const month = MONTHS[lang][m - 1] ?? "";
  return lang === "fr" ? `${d === 1 ? "1er" : d} ${month} ${y}` : `${month} ${d}, ${y}`;
}

/** Formats an event date according to its precision: day, month, year or a period. */
export function formatEventDate(start: string, end: string, precision: Precision, lang: Lang): string {
  const s = parts(start);
  const e = parts(end);
  if (precision === "year") return String(s.y);
  if (precision === "month") return `${lang === "fr" ? MONTHS_LONG.fr[s.m - 1] : MONTHS_LONG.en[s.m - 1]} ${s.y}`;
  if (precision === "period" && start !== end) {
    if (s.y === e.y && s.m === e.m) {
      const month = MONTHS[lang][s.m - 1] ?? "";
      return lang === "fr" ? `${s.d}–${e.d} ${month} ${s.y}` : `${month} ${s.d}–${e.d}, ${s.y}`;
    }
    return `${formatIsoDay(start, lang)} – ${formatIsoDay(end, lang)}`;
  }
  return formatIsoDay(start, lang);
}

/**
 * True for anniversaries a reader calls round: 5, 10, 15, 20, 25, 30, then every ten years (40, 50, 60…)
 * and the quarter-centuries (75, 125). A first anniversary is not round.
 */
export function isRoundAnniversary(years: number): boolean {
  if (!Number.isInteger(years) || years < 5 || years % 5 !== 0) return false;
  return years <= 30 || years % 10 === 0 || years % 25 === 0;
}
