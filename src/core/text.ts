/** Small text helpers shared by every floor (no analysis here: see src/analysis). */

/**
 * The text without its accents and other combining marks, case kept ("Tokaïev" → "Tokaiev"): the one accent
 * folding behind every forgiving match. `compatibility` also folds compatibility forms ("ﬁ" → "fi", "²" → "2",
 * a non-breaking space → a space), as the stored search columns do.
 */
export function stripAccents(s: string, compatibility = false): string {
  return s.normalize(compatibility ? "NFKD" : "NFD").replace(/\p{M}+/gu, "");
}

/**
 * Lower case, accents stripped, the ligatures of French spelled out ("Œuvre" → "oeuvre", "Æ" → "ae"): how
 * words are compared in the analysis and the search index.
 */
export function foldLatin(s: string): string {
  const lower = stripAccents(s.toLowerCase());
  return lower.includes("œ") || lower.includes("æ") ? lower.replace(/œ/g, "oe").replace(/æ/g, "ae") : lower;
}

/** Lower-cases and strips accents, for forgiving matching of user input ("Énergie" ~ "energie"). */
export function foldForMatch(s: string): string {
  return stripAccents(s).toLowerCase().trim();
}

/** Shortens text to `max` characters on a word boundary, adding an ellipsis. */
export function truncate(s: string, max: number): string {
  if (s.length <= max) return s;
  const cut = s.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * A quotation in the typography of its own language, whatever language the reply is in: « … » in French (and
 * when the language is unknown), «…» in Russian, “…” in English.
 */
export function quoteMarks(text: string, language?: string): string {
  if (language === "ru" || language === "uk" || language === "kk") return `«${text}»`;
  if (language === "en") return `“${text}”`;
  return `« ${text} »`;
}
