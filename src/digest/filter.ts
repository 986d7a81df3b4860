/**
 * Subscription filters (/filter +Tokaïev -sport): plain words or names, matched accent- and case-insensitively
 * at word starts ("sport" matches "sportif", "Tokaïev" matches "TOKAIEV"). No user-supplied regular
 * expressions, so a filter can never hang the bot; terms are capped in number and length.
 */
import type { SubscriptionFilter } from "../core/admin.ts";
import { foldForMatch } from "../core/text.ts";

/** Most terms in one filter (include + exclude). */
export const MAX_FILTER_TERMS = 20;
/** Longest term, in characters. */
export const MAX_TERM_LENGTH = 60;

export type FilterParse =
  | { ok: true; filter: SubscriptionFilter }
  | { ok: false; problem: "badTerm" | "tooMany" | "termLength"; value: string };

/** Folds text to space-separated words: "Kassym-Jomart Tokaïev, " → "kassym jomart tokaiev". */
export function foldWords(text: string): string {
  return foldForMatch(text)
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/**
 * Parses "+Tokaïev -sport +\"Union eurasiatique\"": each term starts with + or -; quotes group words.
 * Terms are kept as typed (for display) and deduplicated by their folded form.
 */
export function parseFilter(text: string): FilterParse {
  const include: string[] = [];
  const exclude: string[] = [];
  const seen = new Set<string>();
  for (const m of text.matchAll(/([+-]?)(?:"([^"]*)"|«\s*([^»]*?)\s*»|(\S+))/g)) {
    const sign = m[1];
    const term = (m[2] ?? m[3] ?? m[4] ?? "").trim();
    if (!sign) return { ok: false, problem: "badTerm", value: m[0] };
    const folded = foldWords(term);
    if (folded.length < 2 || term.length > MAX_TERM_LENGTH) return { ok: false, problem: "termLength", value: term };
    if (seen.has(folded)) continue;
    seen.add(folded);
    (sign === "+" ? include : exclude).push(term);
    if (include.length + exclude.length > MAX_FILTER_TERMS) return { ok: false, problem: "tooMany", value: term };
  }
  return { ok: true, filter: { include, exclude } };
}

/** True when `folded` (from foldWords) holds the term at a word start. */
function hasTerm(folded: string, term: string): boolean {
  const t = foldWords(term);
  return t.length > 0 && ` ${folded}`.includes(` ${t}`);
}

/**
 * Whether a text passes the filter: no exclude term appears, and when there are include terms, at least one
 * appears. An empty filter lets everything through.
 */
export function matchesFilter(text: string, filter: SubscriptionFilter | null | undefined): boolean {
  if (!filter || (filter.include.length === 0 && filter.exclude.length === 0)) return true;
  const folded = foldWords(text);
  if (filter.exclude.some((term) => hasTerm(folded, term))) return false;
  return filter.include.length === 0 || filter.include.some((term) => hasTerm(folded, term));
}
