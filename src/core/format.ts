/**
 * Shared formatting of dates and counts for replies (French, English and Russian). Russian month names come from
 * Intl (ru-RU): the genitive after a day ("11 ноября 2025"), the nominative alone ("ноябрь 2025").
 */
import type { Precision } from "./analysis-types.ts";
import type { Lang } from "./command.ts";

/** The twelve month names of `locale` as Intl writes them with `options` (January first). */
function intlMonths(locale: string, options: Intl.DateTimeFormatOptions): string[] {
  const f = new Intl.DateTimeFormat(locale, { ...options, timeZone: "UTC" });
  return Array.from(
    { length: 12 },
    (_, m) => f.formatToParts(new Date(Date.UTC(2025, m, 11))).find((p) => p.type === "month")?.value ?? "",
  );
}

/** Short month names as dates in replies write them after a day ("11 нояб."), January first. */
export const MONTHS: Record<Lang, readonly string[]> = {
  ru: intlMonths("ru-RU", { day: "numeric", month: "short" }),
  fr: ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."],
  en: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
};
/** Short month names standing alone (an axis tick "май 2025"), January first. */
export const MONTHS_ALONE: Record<Lang, readonly string[]> = {
  fr: MONTHS.fr,
  en: MONTHS.en,
  ru: intlMonths("ru-RU", { month: "short" }),
};

/** Full month names standing alone ("ноябрь 2025"), January first. */
export const MONTHS_LONG: Record<Lang, readonly string[]> = {
  ru: intlMonths("ru-RU", { month: "long" }),
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

/** Full month names after a day: the genitive in Russian ("11 ноября"), the same words in French and English. */
const MONTHS_OF_DAY: Record<Lang, readonly string[]> = {
  fr: MONTHS_LONG.fr,
  en: MONTHS_LONG.en,
  ru: intlMonths("ru-RU", { day: "numeric", month: "long" }),
};

/** "1er mars 2025" / "March 1, 2025" / "1 марта 2025": day, month (as `months` writes it) and year in `lang`. */
function dayMonthYear(d: number, month: string, y: number | null, lang: Lang): string {
  const year = y === null ? "" : y;
  if (lang === "en") return y === null ? `${month} ${d}` : `${month} ${d}, ${year}`;
  const day = lang === "fr" && d === 1 ? "1er" : String(d);
  return y === null ? `${day} ${month}` : `${day} ${month} ${year}`;
}

function parts(iso: string): { y: number; m: number; d: number } {
  return { y: Number(iso.slice(0, 4)), m: Number(iso.slice(5, 7)), d: Number(iso.slice(8, 10)) };
}

/** "20 nov. 2026" / "Nov 20, 2026" from a Date (UTC day). */
export function formatDay(date: Date, lang: Lang): string {
  return formatIsoDay(date.toISOString().slice(0, 10), lang);
}

/** "27 novembre 2024" / "November 27, 2024" / "27 ноября 2024" from YYYY-MM-DD. */
export function formatLongDay(iso: string, lang: Lang): string {
  const { y, m, d } = parts(iso);
  return dayMonthYear(d, MONTHS_OF_DAY[lang][m - 1] ?? "", y, lang);
}

/** "24 novembre" / "1er mars" / "November 24" / "24 ноября": a day of the year without its year, as a title says it. */
export function formatDayMonth(month: number, day: number, lang: Lang): string {
  return dayMonthYear(day, MONTHS_OF_DAY[lang][month - 1] ?? "", null, lang);
}

/**
 * "1er nov. 2026" / "20 nov. 2026" / "Nov 20, 2026" / "20 нояб. 2026" from YYYY-MM-DD (French writes the first of
 * a month "1er").
 */
export function formatIsoDay(iso: string, lang: Lang): string {
  const { y, m, d } = parts(iso);
  return dayMonthYear(d, MONTHS[lang][m - 1] ?? "", y, lang);
}

/** Formats an event date according to its precision: day, month, year or a period. */
export function formatEventDate(start: string, end: string, precision: Precision, lang: Lang): string {
  const s = parts(start);
  const e = parts(end);
  if (precision === "year") return String(s.y);
  if (precision === "month") return `${MONTHS_LONG[lang][s.m - 1] ?? ""} ${s.y}`;
  if (precision === "period" && start !== end) {
    if (s.y === e.y && s.m === e.m) {
      const month = MONTHS[lang][s.m - 1] ?? "";
      return lang === "en" ? `${month} ${s.d}–${e.d}, ${s.y}` : `${s.d}–${e.d} ${month} ${s.y}`;
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
