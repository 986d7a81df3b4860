/**
 * Full-text search, the same on SQLite and PostgreSQL (src/store/search-query.ts says what a query means):
 * French and Russian word forms ("énergie" finds "énergétique", "traités" finds "traité", "переговоры" finds
 * "переговорах"), accents and ё/е optional, `"a
 * phrase"`, `-excluded` words, and topic names ("énergie" also finds the articles filed under the topic
 * Énergie). Ranking: articles containing every word exactly as typed first, then word forms and longer
 * words sharing the stem ("traitement" for "traité"), then articles found by their topic only; within each,
 * the database's text score, then the newest.
 */
import type { SearchHit } from "../core/queries.ts";
import type { Db } from "./db.ts";
import type { Provider } from "./migration-files.ts";
import type { Candidate, SearchBackend } from "./search-backend.ts";
import { pgSearch } from "./search-pg.ts";
import { hasPositive, parseSearchQuery, type SearchQuery } from "./search-query.ts";
import { sqliteSearch } from "./search-sqlite.ts";
import { date, str } from "./sql.ts";

/**
 * Matches ranked per search: the newest ones. A word found in tens of thousands of articles would otherwise be
 * ranked across all of them (~40 ms on SQLite, ~130 ms on PostgreSQL at 100,000 articles); a news bot wants
 * the best of the newest matches, and rare words (the usual searches) have fewer matches than this anyway.
 * 300, not 1,000: on PostgreSQL each candidate row costs ~2 µs to test (its tsvector is read from the row), and
 * a word in one article of ten took 17 ms to collect 1,000 newest matches at 100,000 articles, 5 ms for 300.
 */
const RANK_POOL = 300;

/** Words of a query tried as topic names; beyond this, words only match the text. */
const MAX_TOPIC_WORDS = 2;

export interface SearchOptions {
  /** The taxonomy topic a word or phrase names (a label, slug or alias, any case or accents), else null. */
  topicOf?: (name: string) => string | null;
}

/** The query's words and phrases that name a topic, at most MAX_TOPIC_WORDS of them. */
function topicWords(q: SearchQuery, topicOf: SearchOptions["topicOf"]): Array<{ index: number; slug: string }> {
  if (!topicOf) return [];
  const parts = [...q.terms.map((w) => w.raw), ...q.phrases.map((p) => p.map((w) => w.raw).join(" "))];
  const out: Array<{ index: number; slug: string }> = [];
  for (const [index, name] of parts.entries()) {
    const slug = topicOf(name);
    if (slug && out.length < MAX_TOPIC_WORDS) out.push({ index, slug });
  }
  return out;
}

/** The query without the words and phrases at `indexes` (in terms-then-phrases order). */
function without(q: SearchQuery, indexes: Set<number>): SearchQuery {
  const n = q.terms.length;
  return {
    terms: q.terms.filter((_, i) => !indexes.has(i)),
    phrases: q.phrases.filter((_, i) => !indexes.has(n + i)),
    exclude: q.exclude,
  };
}

interface Ranked extends Candidate {
  tier: number;
}

async function rank(backend: SearchBackend, q: SearchQuery, topicOf: SearchOptions["topicOf"]): Promise<Ranked[]> {
  const byId = new Map<number, Ranked>();
  const text = await backend.candidates(q, [], RANK_POOL);
  const exact = await backend.exact(
    q,
    text.map((c) => c.id),
  );
  for (const c of text) byId.set(c.id, { ...c, tier: exact.has(c.id) ? 0 : 1 });
  // Every non-empty set of topic words: those words match by topic, the others by text.
  const named = topicWords(q, topicOf);
  for (let mask = 1; mask < 1 << named.length; mask++) {
    const picked = named.filter((_, i) => mask & (1 << i));
    const rest = without(q, new Set(picked.map((p) => p.index)));
    const found = await backend.candidates(
      rest,
      picked.map((p) => p.slug),
      RANK_POOL,
    );
    for (const c of found) if (!byId.has(c.id)) byId.set(c.id, { ...c, tier: 2 });
  }
  return [...byId.values()].sort((a, b) => a.tier - b.tier || a.score - b.score || b.id - a.id);
}

/** Articles matching the query, best first (see the module comment). */
export async function search(
  db: Db,
  provider: Provider,
  text: string,
  limit: number,
  opts: SearchOptions = {},
): Promise<SearchHit[]> {
  const q = parseSearchQuery(text);
  const take = Math.max(0, Math.min(100, Math.floor(limit)));
  if (!hasPositive(q) || take === 0) return [];
  const backend = provider === "postgresql" ? pgSearch(db) : sqliteSearch(db);
  const ids = (await rank(backend, q, opts.topicOf)).slice(0, take).map((r) => r.id);
  const rows = new Map((await backend.rows(q, ids)).map((r) => [Number(r.id), r]));
  return ids.flatMap((id) => {
    const r = rows.get(id);
    if (!r) return [];
    const sourceUrl = str(r.sourceUrl);
    return [
      {
        articleId: id,
        title: String(r.title ?? ""),
        url: str(r.url),
        publishedAt: date(r.publishedAt),
        snippet: String(r.snippet ?? "")
          .replace(/\s+/g, " ")
          .trim(),
        source: str(r.sourceTitle) ?? (sourceUrl ? hostOf(sourceUrl) : null),
      },
    ];
  });
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, "");
  } catch {
    return url;
  }
}
