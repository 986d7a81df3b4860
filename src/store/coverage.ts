/**
 * /trend: the articles of a topic, a person (named in the article or quoted) or a word, published in a date
 * range — one small row each (day, story, outlet, topics); the command counts them per week or month.
 */
import type { CoverageData, CoverageQuery } from "../core/queries.ts";
import type { Prisma } from "../generated/sqlite/client.ts";
import type { Db } from "./db.ts";
import { searchTerms } from "./fold.ts";
import type { Provider } from "./migration-files.ts";
import { matchPeople } from "./people.ts";
import { allWords } from "./search-pg.ts";
import { num, pgTimestamp } from "./sql.ts";

/** Articles read at most (a year of a busy beat is a few thousand); beyond, `truncated` is set. */
export const COVERAGE_MAX = 20_000;

/** Ids per findMany: Prisma binds them in the article query and again in its relation queries (topics, outlet),
 * and SQLite allows 999 bound parameters per statement — 20,000 ids in one `in` list failed with P2029. */
const ID_CHUNK = 500;

/**
 * Ids of the articles published in [from, to) that match every word (full-text index), newest first, at most
 * COVERAGE_MAX + 1 (one more tells the caller the list was cut). The date range is applied here, in SQL: cutting
 * to the newest matches first and filtering by date afterwards lost every match of an older year.
 */
async function wordMatches(db: Db, provider: Provider, text: string, from: Date, to: Date): Promise<number[]> {
  const terms = searchTerms(text);
  if (terms.length === 0) return [];
  const rows =
    provider === "postgresql"
      ? await db.$queryRaw<Array<{ id: unknown }>>`
          SELECT a."id" FROM "Article" a
          WHERE a."search" @@ ${allWords(terms)}
            AND a."publishedAt" >= ${pgTimestamp(from)}::timestamp AND a."publishedAt" < ${pgTimestamp(to)}::timestamp
          ORDER BY a."publishedAt" DESC, a."id" DESC LIMIT ${COVERAGE_MAX + 1}`
      : // Dates are bound as the same ISO text Prisma stores, so the comparison is Prisma's own.
        await db.$queryRaw<Array<{ id: unknown }>>`
          SELECT a."id" FROM "ArticleFts" JOIN "Article" a ON a."id" = "ArticleFts".rowid
          WHERE "ArticleFts" MATCH ${terms.map((t) => `"${t}"*`).join(" ")}
            AND a."publishedAt" >= ${from} AND a."publishedAt" < ${to}
          ORDER BY a."publishedAt" DESC, a."id" DESC LIMIT ${COVERAGE_MAX + 1}`;
  return rows.map((r) => num(r.id));
}

export async function coverage(db: Db, provider: Provider, q: CoverageQuery): Promise<CoverageData> {
  const empty: CoverageData = { articles: [], stories: [], truncated: false };
  const from = new Date(`${q.from}T00:00:00Z`);
  const to = new Date(Date.parse(`${q.to}T00:00:00Z`) + 86_400_000);
  const and: Prisma.ArticleWhereInput[] = [{ publishedAt: { gte: from, lt: to } }];
  if (q.topic?.trim()) and.push({ topics: { some: { topic: { slug: q.topic.trim().toLowerCase() } } } });
  if (q.topics && q.topics.length > 0) and.push({ topics: { some: { topic: { slug: { in: q.topics } } } } });
  if (q.languages && q.languages.length > 0) and.push({ language: { in: q.languages } });
  if (q.person?.trim()) {
    const ids = (await matchPeople(db, q.person)).map((p) => p.id);
    if (ids.length === 0) return empty;
    and.push({
      OR: [{ people: { some: { personId: { in: ids } } } }, { quotes: { some: { personId: { in: ids } } } }],
    });
  }
  let wordIds: number[] | null = null;
  if (q.keyword?.trim()) {
    wordIds = await wordMatches(db, provider, q.keyword, from, to);
    if (wordIds.length === 0) return empty;
  }
  const select = {
    publishedAt: true,
    storyId: true,
    source: { select: { title: true, url: true } },
    topics: { select: { topic: { select: { slug: true } } } },
  } as const;
  let rows: Array<Prisma.ArticleGetPayload<{ select: typeof select }>>;
  if (wordIds === null) {
    rows = await db.article.findMany({
      where: { AND: and },
      orderBy: { publishedAt: "desc" },
      take: COVERAGE_MAX + 1,
      select,
    });
  } else {
    // The word's matches in chunks (see ID_CHUNK), each narrowed by the other filters, then ordered here.
    rows = [];
    for (let i = 0; i < wordIds.length; i += ID_CHUNK) {
      const id = { in: wordIds.slice(i, i + ID_CHUNK) };
      rows.push(...(await db.article.findMany({ where: { AND: [...and, { id }] }, select })));
    }
    rows.sort((a, b) => (b.publishedAt?.getTime() ?? 0) - (a.publishedAt?.getTime() ?? 0));
  }
  const truncated = rows.length > COVERAGE_MAX || (wordIds?.length ?? 0) > COVERAGE_MAX;
  const articles = rows.slice(0, COVERAGE_MAX).map((r) => ({
    day: (r.publishedAt ?? new Date(0)).toISOString().slice(0, 10),
    storyId: r.storyId,
    source: r.source ? (r.source.title ?? hostOf(r.source.url)) : null,
    topics: r.topics.map((t) => t.topic.slug),
  }));
  const storyIds = [...new Set(articles.map((a) => a.storyId))];
  const stories = [];
  for (let i = 0; i < storyIds.length; i += 500) {
    stories.push(
      ...(await db.story.findMany({
        where: { id: { in: storyIds.slice(i, i + 500) } },
        select: { id: true, title: true },
      })),
    );
  }
  return { articles, stories, truncated };
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, "");
  } catch {
    return url;
  }
}
