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
import { num } from "./sql.ts";

/** Articles read at most (a year of a busy beat is a few thousand); beyond, `truncated` is set. */
export const COVERAGE_MAX = 20_000;

/** Ids of the articles matching every word (full-text index), newest first, at most COVERAGE_MAX. */
async function wordMatches(db: Db, provider: Provider, text: string): Promise<number[]> {
  const terms = searchTerms(text);
  if (terms.length === 0) return [];
  const rows =
    provider === "postgresql"
      ? await db.$queryRaw<Array<{ id: unknown }>>`
          SELECT a."id" FROM "Article" a WHERE a."search" @@ ${allWords(terms)}
          ORDER BY a."id" DESC LIMIT ${COVERAGE_MAX}`
      : await db.$queryRaw<Array<{ id: unknown }>>`
          SELECT rowid AS "id" FROM "ArticleFts" WHERE "ArticleFts" MATCH ${terms.map((t) => `"${t}"*`).join(" ")}
          ORDER BY rowid DESC LIMIT ${COVERAGE_MAX}`;
  return rows.map((r) => num(r.id));
}

export async function coverage(db: Db, provider: Provider, q: CoverageQuery): Promise<CoverageData> {
  const empty: CoverageData = { articles: [], stories: [], truncated: false };
  const and: Prisma.ArticleWhereInput[] = [
    {
      publishedAt: { gte: new Date(`${q.from}T00:00:00Z`), lt: new Date(Date.parse(`${q.to}T00:00:00Z`) + 86_400_000) },
    },
  ];
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
  if (q.keyword?.trim()) {
    const ids = await wordMatches(db, provider, q.keyword);
    if (ids.length === 0) return empty;
    and.push({ id: { in: ids } });
  }
  const rows = await db.article.findMany({
    where: { AND: and },
    orderBy: { publishedAt: "desc" },
    take: COVERAGE_MAX + 1,
    select: {
      publishedAt: true,
      storyId: true,
      source: { select: { title: true, url: true } },
      topics: { select: { topic: { select: { slug: true } } } },
    },
  });
  const truncated = rows.length > COVERAGE_MAX;
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
