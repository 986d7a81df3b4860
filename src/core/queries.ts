/**
 * Read queries the commands call. Implemented by src/store (Prisma) — commands never see the database.
 */
import type { Precision } from "./analysis-types.ts";

export interface SourceRef {
  name: string;
  url: string | null;
}

/** One story (a cluster of articles from one or more outlets) in /latest. */
export interface StoryLine {
  storyId: number;
  title: string;
  url: string | null;
  publishedAt: Date | null;
  /** No article of the story gives a publication date: `publishedAt` is when the bot first saw it. */
  firstSeen?: boolean;
  /** Number of distinct sources (outlets) reporting the story. */
  sourceCount: number;
  articleCount: number;
  sources: SourceRef[];
  topics: string[];
  /**
   * The languages the story is reported in (ISO 639-1, "und" left out) with how many outlets report it in
   * each, most first; absent when unknown.
   */
  languages?: LanguageCount[];
}

/** Outlets reporting in one language. */
export interface LanguageCount {
  language: string;
  sources: number;
}

export interface QuoteRow {
  id: number;
  /** As said in the article, in its language (never translated). */
  text: string;
  speaker: string | null;
  articleTitle: string;
  url: string | null;
  publishedAt: Date | null;
  /** The outlet of the article (its title, else its host), when known. */
  source?: string | null;
  /** The language of the article (ISO 639-1, "und" when undetermined), when known. */
  language?: string;
}

/** One event on the timeline, merged across articles that report the same date and phrase. */
export interface TimelineEntry {
  start: string;
  end: string;
  precision: Precision;
  phrase: string;
  summary: string;
  /** How many articles mention this event. */
  articleCount: number;
  sources: SourceRef[];
  /** True when an admin added or corrected it (wins over extraction). */
  curated: boolean;
}

export interface SearchHit {
  articleId: number;
  title: string;
  url: string | null;
  publishedAt: Date | null;
  snippet: string;
  source: string | null;
}

export interface Anniversary {
  entry: TimelineEntry;
  /** Whole years between the event and the asked date. */
  years: number;
}

export interface TopicCount {
  slug: string;
  articleCount: number;
}

export interface LatestQuery {
  topic?: string;
  source?: string;
  limit: number;
  offset?: number;
}
export interface QuotesQuery {
  /** Any alias of a speaker ("tokayev", "Tokaïev", "M. Tokaïev"). */
  speaker?: string;
  keyword?: string;
  random?: boolean;
  limit: number;
}
/** Without `from`, the most recent `limit` events; with it, the earliest from that day. Always oldest first. */
export interface TimelineQuery {
  topic?: string;
  person?: string;
  keyword?: string;
  from?: string;
  to?: string;
  limit: number;
}

/** Which articles /trend counts: a topic, a person (named or quoted) or a word, published in [from, to]. */
export interface CoverageQuery {
  topic?: string;
  /** Any of these topics (a subscription's); empty or absent = every topic. */
  topics?: string[];
  /** Articles in these languages only; empty or absent = every language. */
  languages?: string[];
  person?: string;
  keyword?: string;
  /** First and last day, YYYY-MM-DD (inclusive). */
  from: string;
  to: string;
}

/** One counted article: its publication day, story, outlet and topics. */
export interface CoverageArticle {
  day: string;
  storyId: number;
  source: string | null;
  topics: string[];
}

export interface CoverageData {
  articles: CoverageArticle[];
  /** Titles of the stories of the counted articles (for the peaks' annotations). */
  stories: Array<{ id: number; title: string }>;
  /** True when more articles matched than were read (the cap is in the store). */
  truncated: boolean;
}

/** When a person's quotes were published: /who counts them per month. */
export interface QuoteDays {
  /** Publication day (YYYY-MM-DD) of the article of each dated quote, newest first. */
  days: string[];
  /** Quotes whose article has no publication date (not drawn). */
  undated: number;
  /** True when more quotes matched than were read (the cap is in the store). */
  truncated: boolean;
}

/** The read side used by commands. */
export interface NewsQueries {
  latest(q: LatestQuery): Promise<StoryLine[]>;
  quotes(q: QuotesQuery): Promise<QuoteRow[]>;
  timeline(q: TimelineQuery): Promise<TimelineEntry[]>;
  search(text: string, limit: number): Promise<SearchHit[]>;
  /**
   * Events whose start day and month are the given ones, in years before `year`; with `topics`, only events of
   * articles in those topics, with `languages`, of articles in those languages (curated events without an article
   * always qualify).
   */
  onThisDay(
    month: number,
    day: number,
    year: number,
    limit: number,
    topics?: string[],
    languages?: string[],
  ): Promise<Anniversary[]>;
  topicCounts(): Promise<TopicCount[]>;
  /** Canonical speaker names starting with / containing the prefix (accent-insensitive), for autocomplete. */
  speakers(prefix: string, limit: number): Promise<string[]>;
  stats(): Promise<{ articles: number; stories: number; quotes: number; events: number; sources: number }>;
  /** The articles /trend counts; absent = /trend says it is not available. */
  coverage?(q: CoverageQuery): Promise<CoverageData>;
  /** The days of a speaker's quotes (any alias, as `quotes` finds them); absent = /who draws no picture. */
  quoteDays?(speaker: string): Promise<QuoteDays>;
}
