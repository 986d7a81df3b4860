/**
 * PostgreSQL side of search, on the "search" tsvector column (french_unaccent: unaccent + Snowball
 * french_stem) as it stands: words as stem prefixes (`to_tsquery('énergie:*')` = 'energ':*) or slightly
 * shorter stems (./search-query.ts), phrases with phraseto_tsquery, exclusions with `!!`. Exact words are checked with the `simple` configuration on the
 * unaccented text of the few candidates only.
 */
import { join, type Sql, sqltag as sql } from "@prisma/client/runtime/client";
import type { Db } from "./db.ts";
import type { Candidate, SearchBackend } from "./search-backend.ts";
import type { QueryWord, SearchQuery } from "./search-query.ts";
import { num } from "./sql.ts";

const phraseText = (p: QueryWord[]) => p.map((w) => w.folded).join(" ");

/** The tsquery of the query's words and phrases, less the exclusions; null when nothing is asked. */
function tsQuery(q: SearchQuery): Sql | null {
  const parts: Sql[] = [];
  for (const w of q.terms) {
    // The shorter stems are index words already: the `simple` configuration takes them as they are.
    const shorter = w.shorter.length > 0 ? sql` || to_tsquery('simple', ${w.shorter.join(" | ")})` : sql``;
    parts.push(sql`(to_tsquery('french_unaccent', ${`${w.folded}:*`})${shorter})`);
  }
  for (const p of q.phrases) parts.push(sql`phraseto_tsquery('french_unaccent', ${phraseText(p)})`);
  if (parts.length === 0) return null;
  if (q.exclude.length > 0) {
    parts.push(sql`!!to_tsquery('french_unaccent', ${q.exclude.map((w) => w.folded).join(" | ")})`);
  }
  return sql`(${join(parts, " && ")})`;
}

function topicFilter(topics: string[]): Sql {
  return join(
    topics.map(
      (slug) =>
        sql` AND EXISTS (SELECT 1 FROM "ArticleTopic" at JOIN "Topic" t ON t."id" = at."topicId"
          WHERE at."articleId" = a."id" AND t."slug" = ${slug})`,
    ),
    "",
  );
}

/** The PostgreSQL implementation of the search backend. */
export function pgSearch(db: Db): SearchBackend {
  return {
    async candidates(q, topics, pool) {
      const query = tsQuery(q);
      let rows: Record<string, unknown>[];
      if (query) {
        // The match is written inline so the planner sees its selectivity; ts_rank runs on the pool only.
        rows = await db.$queryRaw<Record<string, unknown>[]>`
          WITH hits AS (
            SELECT a."id" FROM "Article" a WHERE a."search" @@ ${query}${topics.length > 0 ? topicFilter(topics) : sql``}
            ORDER BY a."id" DESC LIMIT ${pool})
          SELECT a."id", -ts_rank(a."search", ${query}) AS "score" FROM hits JOIN "Article" a ON a."id" = hits."id"`;
      } else {
        const excluded =
          q.exclude.length > 0
            ? sql` AND NOT (a."search" @@ to_tsquery('french_unaccent', ${q.exclude.map((w) => w.folded).join(" | ")}))`
            : sql``;
        rows = await db.$queryRaw<Record<string, unknown>[]>`
          SELECT a."id", 0 AS "score" FROM "Article" a WHERE TRUE${topicFilter(topics)}${excluded}
          ORDER BY a."id" DESC LIMIT ${pool}`;
      }
      return rows.map((r): Candidate => ({ id: num(r.id), score: Number(r.score ?? 0) }));
    },

    async exact(q, ids) {
      const parts: Sql[] = [];
      for (const w of q.terms) parts.push(sql`to_tsquery('simple', ${w.forms.join(" | ")})`);
      for (const p of q.phrases) parts.push(sql`phraseto_tsquery('simple', ${phraseText(p)})`);
      if (parts.length === 0 || ids.length === 0) return new Set();
      const rows = await db.$queryRaw<Record<string, unknown>[]>`
        SELECT a."id" FROM "Article" a WHERE a."id" IN (${join(ids)})
        AND to_tsvector('simple', unaccent(a."title" || ' ' || a."body")) @@ (${join(parts, " && ")})`;
      return new Set(rows.map((r) => num(r.id)));
    },

    async rows(q, ids) {
      if (ids.length === 0) return [];
      const query = tsQuery(q) ?? sql`''::tsquery`;
      return db.$queryRaw<Record<string, unknown>[]>`
        SELECT a."id", a."title", a."url", a."publishedAt", s."title" AS "sourceTitle", s."url" AS "sourceUrl",
          ts_headline('french_unaccent', a."body", ${query},
            'StartSel="",StopSel="",MaxWords=30,MinWords=12,MaxFragments=1,FragmentDelimiter=" … "') AS "snippet"
        FROM "Article" a LEFT JOIN "Source" s ON s."id" = a."sourceId" WHERE a."id" IN (${join(ids)})`;
    },
  };
}
