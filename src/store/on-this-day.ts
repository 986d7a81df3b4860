/**
 * On-this-day: day-precision events of one month/day in earlier years, merged in the database.
 *
 * The merge of ./timeline.ts (mergeEvents) reads every row and folds them in JavaScript; a popular day holds
 * hundreds of rows (every outlet's report of every year), which cost 8–12 ms to read through Prisma at 100,000
 * articles. Here the database groups them (one row per entry), then two small statements fetch the entries'
 * phrases and their sources: the same entries, a few rows read.
 */
import { empty, join, sqltag as sql } from "@prisma/client/runtime/client";
import type { Anniversary, SourceRef } from "../core/queries.ts";
import type { Db } from "./db.ts";
import { addSourceRef } from "./source-ref.ts";
import { num, str } from "./sql.ts";

/**
 * Most recent first, `limit` entries at most. With `topics`, only events of articles in those topics, with
 * `languages`, of articles in those languages, plus curated events without an article (an admin's event
 * belongs to every topic and language). A curated row supplies the
 * entry's phrase and summary, else its first extracted row does (as mergeEvents).
 */
export async function onThisDay(
  db: Db,
  month: number,
  day: number,
  year: number,
  limit: number,
  topics: string[] = [],
  languages: string[] = [],
): Promise<Anniversary[]> {
  const take = Math.max(0, Math.floor(limit));
  if (take === 0) return [];
  const slugs = [...new Set(topics)];
  const topical =
    slugs.length > 0
      ? sql`AND (e."articleId" IS NULL OR EXISTS (SELECT 1 FROM "ArticleTopic" x JOIN "Topic" t ON t."id" = x."topicId"
          WHERE x."articleId" = e."articleId" AND t."slug" IN (${join(slugs)})))`
      : empty;
  const langs = [...new Set(languages)];
  const lingual =
    langs.length > 0
      ? sql`AND (e."articleId" IS NULL OR EXISTS (SELECT 1 FROM "Article" la
          WHERE la."id" = e."articleId" AND la."language" IN (${join(langs)})))`
      : empty;
  const where = sql`e."startMonth" = ${month} AND e."startDay" = ${day} AND e."precision" = 'day'
    AND e."startYear" < ${year} ${topical} ${lingual}`;
  // One row per entry (start, end): the newest `take` of them are the answer.
  const groups = await db.$queryRaw<Array<Record<string, unknown>>>`
    SELECT e."startDate" AS "start", e."endDate" AS "end", MIN(e."startYear") AS "year",
      COUNT(DISTINCT e."articleId") AS "articles",
      MIN(CASE WHEN e."curated" THEN e."id" END) AS "curatedId", MIN(e."id") AS "firstId"
    FROM "Event" e WHERE ${where}
    GROUP BY e."startDate", e."endDate"
    ORDER BY e."startDate" DESC, e."endDate" ASC
    LIMIT ${take}`;
  if (groups.length === 0) return [];
  const reps = groups.map((g) => num(g.curatedId ?? g.firstId));
  const days = [...new Set(groups.map((g) => String(g.start)))];
  const [texts, sources] = await Promise.all([
    db.$queryRaw<Array<Record<string, unknown>>>`
      SELECT e."id", e."phrase", e."summary" FROM "Event" e WHERE e."id" IN (${join(reps)})`,
    // Each source once per entry, in the order of its first report (as mergeEvents adds them).
    db.$queryRaw<Array<Record<string, unknown>>>`
      SELECT e."startDate" AS "start", e."endDate" AS "end", s."title", s."url", MIN(e."id") AS "first"
      FROM "Event" e JOIN "Article" a ON a."id" = e."articleId" JOIN "Source" s ON s."id" = a."sourceId"
      WHERE ${where} AND e."startDate" IN (${join(days)})
      GROUP BY e."startDate", e."endDate", s."id", s."title", s."url"
      ORDER BY "first"`,
  ]);
  const textOf = new Map(texts.map((t) => [num(t.id), t]));
  const sourcesOf = new Map<string, SourceRef[]>();
  for (const s of sources) {
    const key = `${String(s.start)}|${String(s.end)}`;
    const list = sourcesOf.get(key) ?? [];
    sourcesOf.set(key, list);
    addSourceRef(list, { title: str(s.title), url: String(s.url) });
  }
  return groups.map((g, i) => {
    const text = textOf.get(reps[i] as number);
    const start = String(g.start);
    const end = String(g.end);
    return {
      entry: {
        start,
        end,
        precision: "day" as const,
        phrase: String(text?.phrase ?? ""),
        summary: String(text?.summary ?? ""),
        articleCount: num(g.articles),
        sources: sourcesOf.get(`${start}|${end}`) ?? [],
        curated: g.curatedId != null,
      },
      years: year - num(g.year),
    };
  });
}
