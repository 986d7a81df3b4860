/**
 * PostgreSQL side of search, on the "search" tsvector column as it stands: each article's words in the
 * configuration of its language (`russian` for Cyrillic-script languages, else french_unaccent: unaccent +
 * Snowball french_stem), and each query word in the configuration of its own script (./search-languages.ts).
 * Words as stem prefixes (`to_tsquery('french_unaccent', 'énergie:*')` = 'energ':*) or slightly shorter
 * stems (./search-query.ts), phrases with phraseto_tsquery, exclusions with `!!`. Exact words are checked
 * with the `simple` configuration on the unaccented text of the few candidates only.
 */
import { join, raw, type Sql, sqltag as sql } from "@prisma/client/runtime/client";
import type { Db } from "./db.ts";
import type { Candidate, SearchBackend } from "./search-backend.ts";
import {
  foldWord,
  PG_CONFIG,
  RUSSIAN_CONFIG_LANGUAGES,
  type SearchLanguage,
  wordLanguage,
} from "./search-languages.ts";
import type { QueryWord, SearchQuery } from "./search-query.ts";
import { num } from "./sql.ts";

const phraseText = (p: QueryWord[]) => p.map((w) => w.folded).join(" ");

/** The configuration, as an SQL literal (a constant name, never user input), of a search language. */
const configText = (lang: SearchLanguage) => `'${PG_CONFIG[lang]}'::regconfig`;
const config = (lang: SearchLanguage): Sql => raw(configText(lang));

/** A phrase is Russian when one of its words is. */
const phraseLanguage = (p: QueryWord[]): SearchLanguage => (p.some((w) => w.lang === "ru") ? "ru" : "fr");

/** `to_tsquery` of `words` OR-ed, each in the configuration of its language. */
function anyOf(words: QueryWord[]): Sql {
  const byLang = (["fr", "ru"] as const)
    .map((lang) => [lang, words.filter((w) => w.lang === lang)] as const)
    .filter(([, ws]) => ws.length > 0);
  return sql`(${join(
    byLang.map(([lang, ws]) => sql`to_tsquery(${config(lang)}, ${ws.map((w) => w.folded).join(" | ")})`),
    " || ",
  )})`;
}

/**
 * Every one of `terms` (letter runs of user input, ./fold.ts searchTerms) in the configuration of its script:
 * French words by their stem as before (plainto_tsquery), Russian words as stem prefixes, as the SQLite side
 * (prefixes of the surface words) finds them: "Токаев" (stem тока) also finds "Токаеву" (токаев).
 */
export function allWords(terms: string[]): Sql {
  const fr = terms.filter((t) => wordLanguage(t) === "fr");
  const ru = terms.filter((t) => wordLanguage(t) === "ru").map((t) => `${foldWord(t)}:*`);
  const parts: Sql[] = [];
  if (fr.length > 0) parts.push(sql`plainto_tsquery(${config("fr")}, ${fr.join(" ")})`);
  if (ru.length > 0) parts.push(sql`to_tsquery(${config("ru")}, ${ru.join(" & ")})`);
  return parts.length > 0 ? sql`(${join(parts, " && ")})` : sql`''::tsquery`;
}

/** The configuration each article's words were indexed in (the same choice as its "search" column). */
const articleConfig = raw(
  `(CASE WHEN a."language" IN (${RUSSIAN_CONFIG_LANGUAGES.map((l) => `'${l}'`).join(", ")}) THEN ${configText("ru")} ELSE ${configText("fr")} END)`,
);

/** The tsquery of the query's words and phrases, less the exclusions; null when nothing is asked. */
function tsQuery(q: SearchQuery): Sql | null {
  const parts: Sql[] = [];
  for (const w of q.terms) {
    // The shorter stems are index words already: the `simple` configuration takes them as they are.
    const shorter = w.shorter.length > 0 ? sql` || to_tsquery('simple', ${w.shorter.join(" | ")})` : sql``;
    parts.push(sql`(to_tsquery(${config(w.lang)}, ${`${w.folded}:*`})${shorter})`);
  }
  for (const p of q.phrases) parts.push(sql`phraseto_tsquery(${config(phraseLanguage(p))}, ${phraseText(p)})`);
  if (parts.length === 0) return null;
  if (q.exclude.length > 0) parts.push(sql`!!${anyOf(q.exclude)}`);
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
        const excluded = q.exclude.length > 0 ? sql` AND NOT (a."search" @@ ${anyOf(q.exclude)})` : sql``;
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
          ts_headline(${articleConfig}, a."body", ${query},
            'StartSel="",StopSel="",MaxWords=30,MinWords=12,MaxFragments=1,FragmentDelimiter=" … "') AS "snippet"
        FROM "Article" a LEFT JOIN "Source" s ON s."id" = a."sourceId" WHERE a."id" IN (${join(ids)})`;
    },
  };
}
