/**
 * What a search query means, the same on both databases: words matched by their stem (Snowball, the
 * algorithm of PostgreSQL's `french` and `russian` configurations, by the word's script: "énergie" finds
 * "énergétique", "traités" finds "traité", "переговоры" finds "переговорах"), accents, ё/е and case ignored, `"quoted words"` as a phrase, `-word` excluded. Everything else of the
 * input (emoji, punctuation, FTS operators) is dropped, so it never reaches FTS syntax nor empties a query.
 */
import { foldWord, isStopwordText, type SearchLanguage, stemWord, wordLanguage } from "./search-languages.ts";

/**
 * One word of a query: as typed (letters and digits), its language (by script: ./search-languages.ts),
 * folded (lower case, no accents; ё as е) and stemmed.
 */
export interface QueryWord {
  raw: string;
  lang: SearchLanguage;
  folded: string;
  stem: string;
  /**
   * Shorter stems also accepted as whole index words: the stem less one or two letters, at least 5 left
   * (4 in Russian, whose stems are shorter: "Токаеву" → токаев also finds "Токаев" → тока).
   * Derived words keep a longer stem than their base ("énergétique" → energet, "énergie" → energ), so a
   * search for either finds both: the longer by stem prefix, the shorter by these.
   */
  shorter: string[];
  /**
   * The word as typed and its inflections (folded): singular/plural, masculine/feminine ("traité",
   * "traités", "traitée", "traitées"). An article with one of these ranks above one with a longer word
   * of the same stem ("traitement").
   */
  forms: string[];
}

export interface SearchQuery {
  /** Words every result contains (stem, or a longer word sharing the stem's beginning). */
  terms: QueryWord[];
  /** Word sequences every result contains in this order (stopwords kept: they hold the positions). */
  phrases: QueryWord[][];
  /** Words no result contains (same stem). */
  exclude: QueryWord[];
}

/** Most words and phrases kept from one query. */
export const MAX_QUERY_PARTS = 12;

export { foldWord, stemWord };

const WORD = /[\p{L}\p{N}]+/gu;

/** The words of a text (letter/digit runs: apostrophes and hyphens separate words, as in both indexes). */
export function wordsOf(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** The stems of every word of `text`, space-separated: what the SQLite index holds beside the text. */
export function stemsOf(text: string | null): string {
  if (!text) return "";
  return wordsOf(text).map(stemOfRaw).join(" ");
}

/**
 * Stems of raw words already seen, kept until the memo holds STEM_MEMO_MAX words (then started afresh): news
 * text repeats a small vocabulary, so most words of an article skip folding and stemming (a third of the
 * SQLite insert time of an article before).
 */
const stemMemo = new Map<string, string>();
const STEM_MEMO_MAX = 50_000;

function stemOfRaw(w: string): string {
  let s = stemMemo.get(w);
  if (s === undefined) {
    s = stemWord(foldWord(w));
    if (stemMemo.size >= STEM_MEMO_MAX) stemMemo.clear();
    stemMemo.set(w, s);
  }
  return s;
}

/** Shortest stem accepted in `QueryWord.shorter`, per language. */
const MIN_SHORTER_STEM: Readonly<Record<SearchLanguage, number>> = { fr: 5, ru: 4 };

function word(raw: string): QueryWord {
  const r = raw.slice(0, 64);
  const lang = wordLanguage(r);
  const folded = foldWord(r);
  const stem = stemWord(folded);
  const shorter = [1, 2].map((n) => stem.slice(0, -n)).filter((x) => x.length >= MIN_SHORTER_STEM[lang]);
  return { raw: r, lang, folded, stem, shorter, forms: lang === "fr" ? inflections(folded) : [folded] };
}

/**
 * A folded French word, its plural and feminine forms, and its masculine singular when it looks inflected.
 * (Russian words have too many forms to list: their exact forms are the word as typed, ё folded.)
 */
export function inflections(folded: string): string[] {
  const bases = new Set([folded]);
  const singular = /[sx]$/.test(folded) && folded.length > 3 ? folded.slice(0, -1) : folded;
  bases.add(singular);
  // "traitée(s)" → "traité"; but "traites" stays "traite", never "trait".
  if (/ee$/.test(singular)) bases.add(singular.slice(0, -1));
  const out = new Set<string>();
  for (const b of bases) for (const end of ["", "s", "x", "e", "es"]) out.add(b + end);
  return [...out];
}

/** True for the words PostgreSQL's configuration of their language ignores in queries and documents. */
export function isStopword(w: QueryWord): boolean {
  return isStopwordText(w.raw);
}

// A part: an optional "-", then a quoted phrase ("…", «…», “…”) or a run of non-space characters.
const PART = /(-?)(?:"([^"]*)"?|«([^»]*)»?|“([^”]*)”?|(\S+))/gu;

/**
 * Parses a query. A bare chunk holding several words ("d'union", "États-Unis") is a phrase. Stopwords
 * are dropped from single words (as PostgreSQL drops them) and kept inside phrases.
 */
export function parseSearchQuery(text: string): SearchQuery {
  const q: SearchQuery = { terms: [], phrases: [], exclude: [] };
  const seen = new Set<string>();
  let parts = 0;
  for (const m of text.slice(0, 2000).matchAll(PART)) {
    if (parts >= MAX_QUERY_PARTS) break;
    const negative = m[1] === "-";
    const quoted = m[2] ?? m[3] ?? m[4];
    const words = wordsOf(quoted ?? m[5] ?? "").map(word);
    if (words.length === 0) continue;
    const key = `${negative ? "-" : ""}${words.map((w) => w.stem).join(" ")}`;
    if (seen.has(key)) continue;
    seen.add(key);
    parts++;
    if (negative) {
      q.exclude.push(...words.filter((w) => !isStopword(w)));
    } else if (words.length > 1) {
      q.phrases.push(words);
    } else if (!isStopword(words[0] as QueryWord)) {
      q.terms.push(words[0] as QueryWord);
    }
  }
  return q;
}

/** True when the query asks for something (a word or a phrase); exclusions alone match nothing. */
export function hasPositive(q: SearchQuery): boolean {
  return q.terms.length > 0 || q.phrases.some((p) => p.some((w) => !isStopword(w)));
}
