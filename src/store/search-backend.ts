/**
 * What each database provides to search (src/store/search-sqlite.ts, src/store/search-pg.ts); the ranking
 * that combines them is the same for both (src/store/search.ts).
 */
import type { SearchQuery } from "./search-query.ts";

/** A matching article and its text score (lower is better). */
export interface Candidate {
  id: number;
  score: number;
}

export interface SearchBackend {
  /**
   * The newest `pool` articles matching the query's words (by stem or stem prefix), phrases and exclusions,
   * and tagged with every topic of `topics`. A query with no word or phrase left matches by topics alone.
   */
  candidates(q: SearchQuery, topics: string[], pool: number): Promise<Candidate[]>;
  /**
   * Those of `ids` containing every word of the query as typed or inflected (`QueryWord.forms`: accents and
   * case aside) and every phrase as typed.
   */
  exact(q: SearchQuery, ids: number[]): Promise<Set<number>>;
  /** The rows to show for `ids` (any order): id, title, url, publishedAt, snippet, sourceTitle, sourceUrl. */
  rows(q: SearchQuery, ids: number[]): Promise<Record<string, unknown>[]>;
}
