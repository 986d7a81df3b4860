/**
 * Accent-insensitive full-text search: SQLite FTS5 (unicode61, remove_diacritics 2) or PostgreSQL
 * french_unaccent tsvector. User input is reduced to letter/digit terms first (see searchTerms).
 */
import { join } from "@prisma/client/runtime/client";
import type { SearchHit } from "../core/queries.ts";
import type { Db } from "./db.ts";
import { searchTerms } from "./fold.ts";
import type { Provider } from "./migration-files.ts";
import { date, num, str } from "./sql.ts";

/**
 * Matches ranked per search: the newest ones. A word found in tens of thousands of articles would otherwise be
 * ranked across all of them (~40 ms on SQLite, ~130 ms on PostgreSQL at 100,000 articles); a news bot wants
 * the best of the newest matches, and rare words (the usual searches) have fewer matches than this anyway.
 * 300, not 1,000: on PostgreSQL each candidate row costs ~2 µs to test (its tsvector is read from the row), and
 * a word in one article of ten took 17 ms to collect 1,000 newest matches at 100,000 articles, 5 ms for 300.
 */
const RANK_POOL = 300;

/** Articles matching every term (prefix match on SQLite, French stems on PostgreSQL), best first. */
export async function search(db: Db, provider: Provider, text: string, limit: number): Promise<SearchHit[]> {
  const terms = searchTerms(text);
  const take = Math.max(0, Math.min(100, Math.floor(limit)));
  if (terms.length === 0 || take === 0) return [];
  let rows: Record<string, unknown>[];
  if (provider === "postgresql") {
    // plainto_tsquery: terms are ANDed; no operator syntax exists in its input. The query is written inline (not
    // in a CTE) so the planner sees its selectivity: a frequent word walks the primary key backwards and stops.
    // ts_rank runs on the newest RANK_POOL matches only, ts_headline on the returned rows only.
    const query = terms.join(" ");
    rows = await db.$queryRaw<Record<string, unknown>[]>`
      WITH hits AS (
        SELECT a."id" FROM "Article" a WHERE a."search" @@ plainto_tsquery('french_unaccent', ${query})
        ORDER BY a."id" DESC LIMIT ${RANK_POOL}),
      top AS (
        SELECT a."id", ts_rank(a."search", plainto_tsquery('french_unaccent', ${query})) AS "rank"
        FROM hits JOIN "Article" a ON a."id" = hits."id"
        ORDER BY "rank" DESC, a."id" DESC LIMIT ${take})
      SELECT a."id", a."title", a."url", a."publishedAt", s."title" AS "sourceTitle", s."url" AS "sourceUrl",
        ts_headline('french_unaccent', a."body", plainto_tsquery('french_unaccent', ${query}),
          'StartSel="",StopSel="",MaxWords=30,MinWords=12,MaxFragments=1,FragmentDelimiter=" … "') AS "snippet"
      FROM top JOIN "Article" a ON a."id" = top."id"
      LEFT JOIN "Source" s ON s."id" = a."sourceId"
      ORDER BY top."rank" DESC, a."id" DESC`;
  } else {
    // Each term is a quoted FTS5 string with a prefix star: operators in the input are plain text. bm25 is
    // computed for the newest RANK_POOL matches (FTS5 walks rowids backwards and stops), snippets for the
    // returned rows only.
    const match = terms.map((t) => `"${t}"*`).join(" ");
    rows = await db.$queryRaw<Record<string, unknown>[]>`
      WITH hits AS (
        SELECT rowid AS "id", bm25("ArticleFts", 10.0, 1.0) AS "rank" FROM "ArticleFts"
        WHERE "ArticleFts" MATCH ${match} ORDER BY rowid DESC LIMIT ${RANK_POOL})
      SELECT a."id", a."title", a."url", a."publishedAt", s."title" AS "sourceTitle", s."url" AS "sourceUrl"
      FROM hits JOIN "Article" a ON a."id" = hits."id"
      LEFT JOIN "Source" s ON s."id" = a."sourceId"
      ORDER BY hits."rank", a."id" DESC
      LIMIT ${take}`;
    if (rows.length > 0) {
      const ids = rows.map((r) => num(r.id));
      const snippets = await db.$queryRaw<Record<string, unknown>[]>`
        SELECT rowid AS "id", snippet("ArticleFts", 1, '', '', '…', 24) AS "snippet" FROM "ArticleFts"
        WHERE "ArticleFts" MATCH ${match} AND rowid IN (${join(ids)})`;
      const byId = new Map(snippets.map((r) => [num(r.id), r.snippet]));
      rows = rows.map((r) => ({ ...r, snippet: byId.get(num(r.id)) }));
    }
  }
  return rows.map((r) => {
    const sourceUrl = str(r.sourceUrl);
    return {
      articleId: num(r.id),
      title: String(r.title ?? ""),
      url: str(r.url),
      publishedAt: date(r.publishedAt),
      snippet: String(r.snippet ?? "")
        .replace(/\s+/g, " ")
        .trim(),
      source: str(r.sourceTitle) ?? (sourceUrl ? hostOf(sourceUrl) : null),
    };
  });
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, "");
  } catch {
    return url;
  }
}
