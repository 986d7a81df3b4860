/**
 * Normalisation of raw article text before any analysis: spaces and apostrophes, boilerplate and foreign lines,
 * glued bylines/datelines, duplicated lead lines, and fragments split over several lines by HTML extraction.
 */
import { datelineOf } from "./dateline.ts";
import { isForeignLine } from "./language.ts";

export { parseDateline } from "./dateline.ts";
export { detectLanguage } from "./language.ts";

/** Result of {@link normalizeText}. */
export interface NormalizedText {
  /** Clean text: one paragraph per line, at most one blank line between paragraphs, straight apostrophes. */
  text: string;
  /** First line when it looks like a heading (short, no final period), else null. */
  title: string | null;
  /** The first byline date as written (e.g. "11/11/2025"); feed it to parseDateline for YYYY-MM-DD. */
  dateline: string | null;
}

/** Lines that are photo credits, share widgets or site furniture, never article prose. */
const BOILERPLATE: readonly RegExp[] = [
  /^(?:photo|photos|crédits?(?:\s+photos?)?|illustration|image|vidéo|source photo|légende)\s*(?::|du\b|de\b|des\b|par\b|©|\/)/iu,
  /^©/u,
  /^source\s*:\s*https?:\/\/\S+$/iu,
  /^https?:\/\/\S+$/iu,
  /^(?:à lire (?:également|aussi)|lire aussi|voir aussi|sur le même sujet)\s*:?$/iu,
  /^(?:même (?:sujet|catégorie|auteur)|comments?\s*\(\d+\)|commentaires?\s*\(\d+\)|no data|event calendar|no videos available|partager|imprimer|newsletter)$/iu,
  /^[A-Z]{1,5}$/u,
];

const SPACE_RE = /[\u00A0\u2000-\u200A\u202F\u205F\u3000\t\f\v]/g;
const INVISIBLE_RE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
// C0/C1 controls except \n; binary junk turns into nothing rather than breaking regexes downstream.
// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
const CONTROL_RE = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\uFFFD]/g;
const APOSTROPHE_RE =
  /[\u2018\u2019\u201B\u02BC\u2032\u00B4`](?=\p{L})|(?<=\p{L})[\u2018\u2019\u201B\u02BC\u2032\u00B4`]/gu;

function cleanLine(line: string): string {
  return line
    .replace(SPACE_RE, " ")
    .replace(/ {2,}/g, " ")
    .replace(/ ([,.])(?=\s|$)/g, "$1")
    .trim();
}

function isBoilerplate(line: string): boolean {
  if (line.length > 120) return false;
  return BOILERPLATE.some((re) => re.test(line));
}

function looksLikeHeading(line: string): boolean {
  if (line.length === 0 || line.length > 160) return false;
  if (/[.,;:…]$/u.test(line)) return false;
  return line.split(/\s+/).length <= 25 && /\p{Lu}/u.test(line.charAt(0));
}

/** Starts with a lower-case letter (after an optional opening quote), i.e. continues the previous line. */
function continues(prev: string, next: string): "glue" | "space" | null {
  if (/[.!?…]$/u.test(prev)) return /^[,.;)\]]/u.test(next) ? "glue" : null;
  if (/^[,.;)\]]/u.test(next)) return "glue";
  if (/^\p{Ll}/u.test(next)) return "space";
  if (/^["“«]\s*\p{Ll}/u.test(next) && /[\p{Ll},]$/u.test(prev)) return "space";
  return null;
}

/**
 * Normalises raw article text (see module doc). Never throws; empty or binary input gives empty text.
 * Apostrophes become the straight `'` everywhere so later patterns only match one form.
 */
export function normalizeText(raw: string, opts: { keepForeignLines?: boolean } = {}): NormalizedText {
  if (typeof raw !== "string" || raw.length === 0) return { text: "", title: null, dateline: null };
  const flat = raw
    .replace(/\r\n?/g, "\n")
    .replace(/\u2028|\u2029/g, "\n")
    .replace(INVISIBLE_RE, "")
    .replace(CONTROL_RE, " ")
    .replace(APOSTROPHE_RE, "'");
  let dateline: string | null = null;
  const seen = new Set<string>();
  // Paragraphs as arrays of kept lines; a blank input line (or a dropped line) ends nothing by itself.
  const out: string[] = [];
  let blankPending = false;
  for (const rawLine of flat.split("\n")) {
    const line = cleanLine(rawLine);
    if (line.length === 0) {
      blankPending = out.length > 0;
      continue;
    }
    const dl = datelineOf(line);
    if (dl !== null) {
      dateline ??= dl;
      continue;
    }
    // Foreign lines (captions in another language) are dropped from French articles only.
    if (isBoilerplate(line) || (!opts.keepForeignLines && isForeignLine(line))) continue;
    if (line.length >= 30) {
      if (seen.has(line)) continue;
      seen.add(line);
    }
    const prev = out[out.length - 1];
    const joint = prev !== undefined && !blankPending ? continues(prev, line) : null;
    if (prev !== undefined && joint) {
      out[out.length - 1] = joint === "glue" ? prev + line : `${prev} ${line}`;
    } else {
      if (blankPending) out.push("");
      out.push(line);
    }
    blankPending = false;
  }
  const text = out.join("\n");
  const first = out.find((l) => l.length > 0) ?? "";
  return { text, title: looksLikeHeading(first) ? first : null, dateline };
}
