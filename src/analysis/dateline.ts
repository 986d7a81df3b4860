/**
 * Datelines: the publication date printed near the top of an article, often glued to a time or to the outlet
 * name by careless HTML-to-text conversion ("18:0311/11/2025, mardi", "Báo Quốc TếBáo Quốc Tế27/11/2024").
 */
import { MONTH_NAME_RE, monthNumber, WEEKDAY_RE } from "./dates-fr.ts";

/** Optional glued time (hh:mm, exactly two minute digits) then d/m/yyyy, d.m.yyyy or d-m-yyyy. */
const NUMERIC_RE = /(?:(\d{1,2})[:hH](\d{2}))?(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})/;
const ISO_RE = /\b(\d{4})-(\d{2})-(\d{2})\b/;
const FRENCH_RE = new RegExp(`(?:^|[^\\p{L}\\d])(\\d{1,2})(?:er)?\\s+(${MONTH_NAME_RE})\\s+(\\d{4})(?!\\d)`, "iu");

function iso(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return null;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > days) return null;
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** Where a date was found in a string, and its ISO value. */
export interface DateMatch {
  iso: string;
  /** The date as written (without the glued time). */
  raw: string;
  index: number;
  /** Length of the whole match, time included. */
  length: number;
}

/** Finds the first date in `s` (numeric day-first, ISO, or French "11 novembre 2025"), or null. */
export function findDate(s: string): DateMatch | null {
  const n = NUMERIC_RE.exec(s);
  if (n) {
    const value = iso(Number(n[5]), Number(n[4]), Number(n[3]));
    if (value) {
      const timeLen = n[1] !== undefined ? n[1].length + 1 + (n[2]?.length ?? 0) : 0;
      return { iso: value, raw: n[0].slice(timeLen), index: n.index, length: n[0].length };
    }
  }
  const i = ISO_RE.exec(s);
  if (i) {
    const value = iso(Number(i[1]), Number(i[2]), Number(i[3]));
    if (value) return { iso: value, raw: i[0], index: i.index, length: i[0].length };
  }
  const f = FRENCH_RE.exec(s);
  if (f) {
    const month = monthNumber(f[2] ?? "");
    const value = month ? iso(Number(f[3]), month, Number(f[1])) : null;
    if (value) {
      const lead = f[0].length - f[0].trimStart().length;
      const text = f[0].trimStart().replace(/^[^\d]+/, "");
      return { iso: value, raw: text, index: f.index + lead, length: f[0].length - lead };
    }
  }
  return null;
}

/**
 * Parses a dateline or date phrase into YYYY-MM-DD: "11/11/2025", "18:0311/11/2025, mardi", "2025-11-11",
 * "mardi 11 novembre 2025", "1er décembre 2024". Returns null when no valid calendar date is present.
 */
export function parseDateline(s: string): string | null {
  if (typeof s !== "string" || s.length === 0) return null;
  return findDate(s.slice(0, 500))?.iso ?? null;
}

const DATELINE_FILLER = new RegExp(
  `\\b(?:${WEEKDAY_RE}|publi[ée]e?|mis|mise|à|a|jour|le|la|modifi[ée]|heure|gmt|utc|par)\\b`,
  "giu",
);

/**
 * If `line` is a byline/dateline (a short line made of a date plus time, weekday or outlet name), returns the date
 * as written; otherwise null. A sentence that merely contains a date is not a dateline.
 */
export function datelineOf(line: string): string | null {
  if (line.length > 90) return null;
  const m = findDate(line);
  if (!m) return null;
  const rest = `${line.slice(0, m.index)} ${line.slice(m.index + m.length)}`
    .replace(DATELINE_FILLER, " ")
    .replace(/\d{1,2}[:hH]\d{2}/g, " ");
  const words = rest.split(/[\s,|·•–—-]+/).filter((w) => /\p{L}/u.test(w));
  if (words.length > 6 || /[.!?]\s*$/.test(line.trim())) return null;
  return m.raw;
}

const LEAD_DATELINE_RE = new RegExp(
  `(?:^|\\n)[ \\t]*(\\p{Lu}[\\p{L}'’. -]{1,40}?(?:\\s\\([^)\\n]{1,40}\\))?),\\s+(?:${WEEKDAY_RE}\\s+)?(\\d{1,2}(?:er)?\\s+${MONTH_NAME_RE}\\s+\\d{4})\\s*(?:\\([^)\\n]{1,30}\\)\\s*)?[—–-]\\s`,
  "iu",
);

/**
 * A dateline opening a paragraph of the first lines ("ASTANA, 14 mars 2026 — Le président…", "MOSCOU (AFP), 3
 * mai 2026 –"): the date an agency wrote its copy. Returns its ISO day and the span of the dateline, or null.
 */
export function leadDateline(text: string): { iso: string; start: number; end: number } | null {
  if (typeof text !== "string") return null;
  const head = text.slice(0, 600);
  const m = LEAD_DATELINE_RE.exec(head);
  if (!m) return null;
  const value = parseDateline(m[2] ?? "");
  if (!value) return null;
  const start = m.index + m[0].indexOf(m[1] ?? "");
  return { iso: value, start, end: m.index + m[0].length };
}
