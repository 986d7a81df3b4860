/**
 * SQLite side of search: `newsbot_fr_stems()`, the application function that fills the stem index (FTS5
 * table "ArticleStemFts", kept by triggers on "Article"; each word stemmed in the language of its script,
 * French or Russian, despite the name the triggers keep), registered on every connection the store opens; and
 * the FTS5 queries of a parsed query. Words match by stem prefix ("énergie" → `"energ"*` finds
 * "énergétique"), phrases and exclusions by stems, exact words on the surface index "ArticleFts".
 */
import { join, type Sql, sqltag as sql } from "@prisma/client/runtime/client";
import type { Db } from "./db.ts";
import type { Candidate, SearchBackend } from "./search-backend.ts";
import { foldWord, type QueryWord, type SearchQuery, stemsOf } from "./search-query.ts";
import { num } from "./sql.ts";

/** The SQL function the stem index triggers call (prisma/sqlite/migrations/…_french_stem_search). */
export const STEMS_FUNCTION = "newsbot_fr_stems";

interface FunctionHost {
  function(name: string, options: { deterministic?: boolean }, fn: (...args: unknown[]) => unknown): unknown;
}

function isFunctionHost(v: unknown): v is FunctionHost {
  return typeof v === "object" && v !== null && typeof (v as { function?: unknown }).function === "function";
}

/** Registers the search functions on a better-sqlite3 connection (the migrator's, a bench's, the adapter's). */
export function registerSearchFunctions(db: FunctionHost): void {
  db.function(STEMS_FUNCTION, { deterministic: true }, (text) => stemsOf(text == null ? null : String(text)));
}

/**
 * The Prisma better-sqlite3 adapter factory, each of whose connections gets the search functions: without
 * them every article insert fails ("no such function: newsbot_fr_stems"), so an adapter whose connection
 * cannot be reached is refused at once rather than at the first insert.
 */
export function withSearchFunctions<F extends object>(factory: F): F {
  return new Proxy(factory, {
    get(obj, prop) {
      const value = Reflect.get(obj, prop, obj) as unknown;
      if (typeof value !== "function") return value;
      if (prop !== "connect" && prop !== "connectToShadowDb") return value.bind(obj);
      return async (...args: unknown[]) => {
        const opened = (await value.apply(obj, args)) as unknown;
        const client = (opened as { client?: unknown } | null)?.client;
        if (!isFunctionHost(client)) {
          throw new Error("cannot register the search functions: unexpected better-sqlite3 adapter (no client)");
        }
        registerSearchFunctions(client);
        return opened;
      };
    },
  });
}

const quoted = (s: string) => `"${s.replace(/"/g, "")}"`;
const stemPhrase = (p: QueryWord[]) => quoted(p.map((w) => w.stem).join(" "));

/** The stem-index expression of the query's words and phrases, less the exclusions; null when empty. */
function stemExpression(q: SearchQuery): string | null {
  const term = (w: QueryWord) => {
    const alternatives = [`${quoted(w.stem)}*`, ...w.shorter.map(quoted)];
    return alternatives.length > 1 ? `(${alternatives.join(" OR ")})` : (alternatives[0] as string);
  };
  const positives = [...q.terms.map(term), ...q.phrases.map(stemPhrase)];
  if (positives.length === 0) return null;
  const all = positives.join(" AND ");
  if (q.exclude.length === 0) return all;
  return `(${all}) NOT (${q.exclude.map((w) => quoted(w.stem)).join(" OR ")})`;
}

function topicFilter(column: Sql, topics: string[]): Sql {
  if (topics.length === 0) return sql``;
  return join(
    topics.map(
      (slug) =>
        sql` AND ${column} IN (SELECT at."articleId" FROM "ArticleTopic" at JOIN "Topic" t ON t."id" = at."topicId" WHERE t."slug" = ${slug})`,
    ),
    "",
  );
}

/** About 24 words of `body` around the first word starting with one of `stems` (else its first words). */
export function snippetOf(body: string, stems: string[]): string {
  const words = body.split(/\s+/).filter(Boolean);
  const at = words.findIndex((w) => {
    const f = foldWord(w.replace(/^[^\p{L}\p{N}]+/u, ""));
    return stems.some((s) => f.startsWith(s));
  });
  const from = Math.max(0, at - 8);
  const cut = words.slice(from, from + 24).join(" ");
  return `${from > 0 ? "…" : ""}${cut}${from + 24 < words.length ? "…" : ""}`;
}

/** The SQLite implementation of the search backend. */
export function sqliteSearch(db: Db): SearchBackend {
  return {
    async candidates(q, topics, pool) {
      const expr = stemExpression(q);
      let rows: Record<string, unknown>[];
      if (expr) {
        // FTS5 runs its MATCH once per value of a `rowid IN (…)` beside it: the topic filter goes outside.
        rows =
          topics.length === 0
            ? await db.$queryRaw<Record<string, unknown>[]>`
              SELECT rowid AS "id", bm25("ArticleStemFts", 10.0, 1.0) AS "score" FROM "ArticleStemFts"
              WHERE "ArticleStemFts" MATCH ${expr} ORDER BY rowid DESC LIMIT ${pool}`
            : await db.$queryRaw<Record<string, unknown>[]>`
              WITH m AS MATERIALIZED (
                SELECT rowid AS "id", bm25("ArticleStemFts", 10.0, 1.0) AS "score" FROM "ArticleStemFts"
                WHERE "ArticleStemFts" MATCH ${expr})
              SELECT m."id", m."score" FROM m WHERE 1 = 1${topicFilter(sql`m."id"`, topics)}
              ORDER BY m."id" DESC LIMIT ${pool}`;
      } else {
        const excluded =
          q.exclude.length > 0
            ? sql` AND a."id" NOT IN (SELECT rowid FROM "ArticleStemFts" WHERE "ArticleStemFts" MATCH ${q.exclude
                .map((w) => quoted(w.stem))
                .join(" OR ")})`
            : sql``;
        rows = await db.$queryRaw<Record<string, unknown>[]>`
          SELECT a."id" AS "id", 0 AS "score" FROM "Article" a
          WHERE 1 = 1${topicFilter(sql`a."id"`, topics)}${excluded}
          ORDER BY a."id" DESC LIMIT ${pool}`;
      }
      return rows.map((r): Candidate => ({ id: num(r.id), score: Number(r.score ?? 0) }));
    },

    async exact(q, ids) {
      const term = (w: QueryWord) => `(${[quoted(w.raw), ...w.forms.map(quoted)].join(" OR ")})`;
      const parts = [...q.terms.map(term), ...q.phrases.map((p) => quoted(p.map((w) => w.raw).join(" ")))];
      if (parts.length === 0 || ids.length === 0) return new Set();
      // A rowid range, not `rowid IN (…)`: FTS5 would run the MATCH once per listed id.
      const rows = await db.$queryRaw<Record<string, unknown>[]>`
        SELECT rowid AS "id" FROM "ArticleFts" WHERE "ArticleFts" MATCH ${parts.join(" AND ")}
        AND rowid >= ${Math.min(...ids)}`;
      const wanted = new Set(ids);
      return new Set(rows.map((r) => num(r.id)).filter((id) => wanted.has(id)));
    },

    async rows(q, ids) {
      if (ids.length === 0) return [];
      const rows = await db.$queryRaw<Record<string, unknown>[]>`
        SELECT a."id", a."title", a."url", a."publishedAt", a."body", s."title" AS "sourceTitle", s."url" AS "sourceUrl"
        FROM "Article" a LEFT JOIN "Source" s ON s."id" = a."sourceId" WHERE a."id" IN (${join(ids)})`;
      // Snippets are cut here, around the first word of the query's stems: FTS5's snippet() would run the MATCH
      // once per listed id.
      const stems = [...q.terms, ...q.phrases.flat()].map((w) => w.stem).filter((x) => x.length > 1);
      return rows.map(({ body, ...r }) => ({ ...r, snippet: snippetOf(String(body ?? ""), stems) }));
    },
  };
}
