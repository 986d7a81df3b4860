/**
 * What a search query means, the same on both databases: words matched by their French stem (Snowball, the
 * algorithm of PostgreSQL's `french` configuration, so "énergie" finds "énergétique" and "traités" finds
 * "traité"), accents and case ignored, `"quoted words"` as a phrase, `-word` excluded. Everything else of the
 * input (emoji, punctuation, FTS operators) is dropped, so it never reaches FTS syntax nor empties a query.
 */
import { stemmer } from "@orama/stemmers/french";
import { foldLatin } from "../core/text.ts";

/** One word of a query: as typed (letters and digits), folded (lower case, no accents) and stemmed. */
export interface QueryWord {
  raw: string;
  folded: string;
  stem: string;
  /**
   * Shorter stems also accepted as whole index words: the stem less one or two letters, at least 5 left.
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

/**
 * The ASCII entries of PostgreSQL's french.stop (Snowball's French stop list). PostgreSQL's french_unaccent
 * maps ASCII words straight to french_stem, which drops these; accented words pass through unaccent first
 * and no longer match the (accented) rest of the list. SQLite drops the same words from queries.
 */
const STOPWORDS = new Set(
  (
    "au aux avec ce ces dans de des du elle en et eux il je la le leur lui ma mais me mes moi mon ne nos notre " +
    "nous on ou par pas pour qu que qui sa se ses son sur ta te tes toi ton tu un une vos votre vous c d j l m n " +
    "s t y suis es est sommes sont serai seras sera serons serez seront serais serait serions seriez seraient " +
    "fus fut furent sois soit soyons soyez soient fusse fusses fussions fussiez fussent ayant ayante ayantes " +
    "ayants eu eue eues eus ai as avons avez ont aurai auras aura aurons aurez auront aurais aurait aurions " +
    "auriez auraient avais avait avions aviez avaient eut eurent aie aies ait ayons ayez aient eusse eusses " +
    "eussions eussiez eussent"
  ).split(" "),
);

const WORD = /[\p{L}\p{N}]+/gu;

/** Lower case, accents and ligatures folded as PostgreSQL's unaccent does for French ("Œuvre" → "oeuvre"). */
export function foldWord(w: string): string {
  return foldLatin(w).replace(/ß/g, "ss");
}

/** The French Snowball stem of a folded word. */
export function stemWord(folded: string): string {
  return stemmer(folded);
}

/** The words of a text (letter/digit runs: apostrophes and hyphens separate words, as in both indexes). */
export function wordsOf(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** The stems of every word of `text`, space-separated: what the SQLite index holds beside the text. */
export function stemsOf(text: string | null): string {
  if (!text) return "";
  return wordsOf(text)
    .map((w) => stemWord(foldWord(w)))
    .join(" ");
}

/** Shortest stem accepted in `QueryWord.shorter`. */
const MIN_SHORTER_STEM = 5;

function word(raw: string): QueryWord {
  const r = raw.slice(0, 64);
  const folded = foldWord(r);
  const stem = stemWord(folded);
  const shorter = [1, 2].map((n) => stem.slice(0, -n)).filter((x) => x.length >= MIN_SHORTER_STEM);
  return { raw: r, folded, stem, shorter, forms: inflections(folded) };
}

/** A folded word, its plural and feminine forms, and its masculine singular when it looks inflected. */
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

/** True for the words PostgreSQL's french configuration ignores in queries and documents. */
export function isStopword(w: QueryWord): boolean {
  return STOPWORDS.has(w.raw.toLowerCase());
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
