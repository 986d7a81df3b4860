/**
 * Text folding for accent- and case-insensitive matching in plain columns (quotes, events), and the
 * sanitising of free text into full-text search terms.
 */
import { stripAccents } from "../core/text.ts";

/**
 * Lower-case, accent-free, single-spaced text ("Tokaïev a déclaré" -> "tokaiev a declare"). LIKE wildcards
 * and the escape character become spaces (Prisma's `contains` does not escape them), on both the stored
 * columns and the queries, so user input never acts as a pattern.
 */
export function foldText(s: string): string {
  return stripAccents(s, true)
    .replace(/œ/g, "oe")
    .replace(/Œ/g, "OE")
    .replace(/æ/g, "ae")
    .replace(/Æ/g, "AE")
    .replace(/[’‘`´]/g, "'")
    .toLowerCase()
    .replace(/[%_\\]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** At most this many search terms are kept from user input. */
export const MAX_TERMS = 16;

/**
 * The letter/digit runs of user input, deduplicated, capped in number and length. Nothing else of the
 * input (quotes, operators, parentheses) survives, so it never reaches FTS syntax.
 */
export function searchTerms(text: string): string[] {
  const out: string[] = [];
  for (const m of text.slice(0, 2000).matchAll(/[\p{L}\p{N}]+/gu)) {
    const t = m[0].slice(0, 64);
    if (!out.includes(t)) out.push(t);
    if (out.length >= MAX_TERMS) break;
  }
  return out;
}

/** Word tokens of a fold key or folded text. */
export function tokens(s: string): string[] {
  return s
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 0);
}

/** True when every token of `query` is a token of `key` (so a surname alone matches the full name). */
export function keyContains(key: string, query: string): boolean {
  const have = new Set(tokens(key));
  const want = tokens(query);
  return want.length > 0 && want.every((t) => have.has(t));
}

/** Parses a YYYY-MM-DD day as a UTC midnight Date, or null. */
export function parseDay(day: string | null | undefined): Date | null {
  if (!day || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  const d = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? null : d;
}
