/**
 * Accent-insensitive full-text search: SQLite FTS5 (unicode61, remove_diacritics 2) or PostgreSQL
 * french_unaccent tsvector. User input is reduced to letter/digit terms first (see searchTerms).
 */
import type { SearchHit } from "../core/queries.ts";
import type { Db } from "./db.ts";
import { searchTerms } from "./fold.ts";
import type { Provider } from "./migration-files.ts";
import { date, num, str } from "./sql.ts";

/** Articles matching every term (prefix match on SQLite, French stems on PostgreSQL), best first. */
export async function search(db: Db, provider: Provider, text: string, limit: number): Promise<SearchHit[]> {
  const terms = searchTerms(text);
  const take = Math.max(0, Math.min(100, Math.floor(limit)));
  if (terms.length === 0 || take === 0) return [];
  let rows: Record<string, unknown>[];
  if (provider === "postgresql") {
    // plainto_tsquery: terms are ANDed; no operator syntax exists in its input.
    const query = terms.join(" ");
    rows = await db.$queryRaw<Record<string, unknown>[]>`
      SELECT a."id", a."title", a."url", a."publishedAt", s."title" AS "sourceTitle", s."url" AS "sourceUrl",
        ts_headline('french_unaccent', a."body", q,
          'StartSel="",StopSel="",MaxWords=30,MinWords=12,MaxFragments=1,FragmentDelimiter=" … "') AS "snippet"
      FROM "Article" a
      CROSS JOIN plainto_tsquery('french_unaccent', ${query}) q
      LEFT JOIN "Source" s ON s."id" = a."sourceId"
      WHERE a."search" @@ q
      ORDER BY ts_rank(a."search", q) DESC, a."id" DESC
      LIMIT ${take}`;
  } else {
    // Each term is a quoted FTS5 string with a prefix star: operators in the input are plain text.
    const match = terms.map((t) => `"${t}"*`).join(" ");
    rows = await db.$queryRaw<Record<string, unknown>[]>`
      SELECT a."id", a."title", a."url", a."publishedAt", s."title" AS "sourceTitle", s."url" AS "sourceUrl",
        snippet("ArticleFts", 1, '', '', '…', 24) AS "snippet"
      FROM "ArticleFts"
      JOIN "Article" a ON a."id" = "ArticleFts".rowid
      LEFT JOIN "Source" s ON s."id" = a."sourceId"
      WHERE "ArticleFts" MATCH ${match}
      ORDER BY bm25("ArticleFts", 10.0, 1.0), a."id" DESC
      LIMIT ${take}`;
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
