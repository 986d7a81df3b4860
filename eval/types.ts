/**
 * The evaluation corpus's contract (npm run eval). Texts are written for development by the project (never copied
 * from public news): `eval/corpus/<lang>/<id>.txt` is the article (first line = title), and
 * `eval/corpus/<lang>/<id>.gold.json` is its gold annotation, of type {@link GoldDoc}.
 *
 * `eval/run.ts` analyses every text with the project's analysis and hands each measure module in
 * `eval/measures/*.ts` (found by listing the folder) the list of {@link EvalCase}; each module default-exports a
 * {@link Measure}. A measure returns named figures and, per cause, the misses it saw.
 */
import type { DocumentAnalysis } from "../src/core/analysis-types.ts";

/** One gold quotation: its words (without marks) and its speaker's canonical name, or null when unattributed. */
export interface GoldQuote {
  text: string;
  speaker: string | null;
  /**
   * Whether the speaker is a person or an institution (a body, a document, a press service); when omitted the
   * quotes measure infers it: a lower-case start ("le Kremlin") or an acronym ("CPC") is an institution.
   */
  speakerKind?: "person" | "institution";
  /** What construction this quote exercises (e.g. "short-quote", "inverted-no-comma", "agency-source"). */
  cause?: string;
}

/** One gold event date: a day, a span, a month or a year, as the timeline should show it. */
export interface GoldEvent {
  start: string;
  end?: string;
  precision: "day" | "month" | "year" | "period";
  /** The date phrase as written, to help read the misses. */
  text?: string;
  cause?: string;
}

/** Gold annotation of one text. */
export interface GoldDoc {
  /** Publication date a feed would give (YYYY-MM-DD), or null for a text without one. */
  published: string | null;
  /** Language code ("fr", "ru", "en"). */
  language: string;
  quotes: GoldQuote[];
  events: GoldEvent[];
  /** Topic slugs of the project's taxonomy that an editor would tag. */
  topics: string[];
  /** Texts sharing a story id report the same event (different outlets / languages); unique otherwise. */
  story: string;
  /** Dates expected in the text but not as timeline events (e.g. relative dates), when a measure wants them. */
  dates?: GoldEvent[];
}

/** One text with its gold and what the analysis returned. */
export interface EvalCase {
  id: string;
  lang: string;
  text: string;
  gold: GoldDoc;
  result: DocumentAnalysis;
  /** Story id the project's grouping assigned (texts grouped together share it). */
  groupedStory: string;
}

/** One line of the report. */
export interface Figure {
  name: string;
  value: number;
  /** Goal from the issue, for display ("≥ 0.90"). */
  goal?: string;
}

export interface MeasureReport {
  title: string;
  figures: Figure[];
  /** Misses grouped by cause, each a short readable line. */
  misses: Record<string, string[]>;
}

export interface Measure {
  name: string;
  measure(cases: EvalCase[]): MeasureReport;
}
