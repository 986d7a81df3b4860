/**
 * Types produced by the French analysis (src/analysis) and consumed by storage, stories and commands.
 * Dates are ISO calendar strings (YYYY-MM-DD) so the analysis stays free of time zones.
 */

/** How precise an extracted date is: one day, a month, a year, or a span of days ("du 27 au 28 novembre"). */
export type Precision = "day" | "month" | "year" | "period";

/** A quotation found in an article, attributed to a canonical speaker when one could be found. */
export interface ExtractedQuote {
  /** The quoted words, normalised (no surrounding guillemets, single spaces). */
  text: string;
  /** Canonical name of the speaker (a person, or a document such as "la Déclaration"), or null. */
  speaker: string | null;
  /** Character offset of the quote in the normalised text; orders quotes within an article. */
  position: number;
}

/** A person mentioned in an article, folded to one canonical name through the alias registry. */
export interface ExtractedPerson {
  /** Canonical display name, e.g. "Kassym-Jomart Tokaïev". */
  name: string;
  /** Fold key of the canonical name (see src/analysis/names.ts); stable across transliterations. */
  key: string;
  /** Every surface form seen in this text, e.g. ["Tokaïev", "M. Tokaïev", "Kassym-Jomart Tokaïev"]. */
  aliases: string[];
  /** Role or title seen next to the name, e.g. "président kazakh"; null when none. */
  role: string | null;
  /** Number of mentions in the text. */
  mentions: number;
}

/** A dated event for the timeline. */
export interface ExtractedEvent {
  /** First day covered (YYYY-MM-DD). For month precision the 1st, for year precision 1 January. */
  start: string;
  /** Last day covered (YYYY-MM-DD), equal to start for a single day. */
  end: string;
  precision: Precision;
  /** The date phrase as written, e.g. "les 11 et 12 novembre". */
  text: string;
  /** One-line summary of what happened then (the clause around the date, trimmed). */
  summary: string;
  /** Character offset in the normalised text. */
  position: number;
}

/** What story grouping compares between two articles (see src/analysis/stories.ts). */
export interface StorySignature {
  /** Person keys mentioned (canonical). */
  people: string[];
  /** Day-precision event dates (YYYY-MM-DD), plus the publication date when known. */
  dates: string[];
  /** Short normalised fragments of quotes (2–3 consecutive content words), to match the same words quoted twice. */
  quoteShingles: string[];
  /** Distinctive content words of the title and lead (lower-cased, accent-folded, stemmed). */
  keywords: string[];
  /**
   * Days of the reported event itself: day-precision dates within ten days of the publication day (the news, not
   * its background). Two articles whose event days are all apart report different events. Absent in signatures
   * stored before it existed.
   */
  eventDays?: string[];
  /** Publication day (YYYY-MM-DD) when known; absent in signatures stored before it existed. */
  published?: string;
}

/** Input to the analysis of one document. */
export interface AnalysisInput {
  /** Raw text (plain text, or text already extracted from HTML / feed content). */
  text: string;
  /** Title when the feed or the caller knows it; otherwise the first line is used. */
  title?: string | null;
  /** Publication date (YYYY-MM-DD) when the feed gives one; otherwise the dateline is parsed. */
  publishedAt?: string | null;
}

/** The complete result of analysing one document. */
export interface DocumentAnalysis {
  title: string;
  /** YYYY-MM-DD or null when no date could be found. */
  publishedAt: string | null;
  /** ISO 639-1 language code of the document ("fr"), "und" when unknown. */
  language: string;
  /** Normalised text (NBSP, apostrophes, stray non-French lines dropped, bylines split). */
  text: string;
  topics: string[];
  quotes: ExtractedQuote[];
  events: ExtractedEvent[];
  people: ExtractedPerson[];
  signature: StorySignature;
  /**
   * The day relative and yearless dates were resolved against: the feed's date (high confidence), else the
   * article's dateline or the latest full date written in the text (low confidence); null when there is none.
   */
  dateReference?: {
    date: string;
    source: "feed" | "dateline" | "text";
    confidence: "high" | "low";
  } | null;
}
