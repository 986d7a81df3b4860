/**
 * /latest: one line per story, newest first.
 */
import type { LanguageCount, LatestQuery, SourceRef, StoryLine } from "../core/queries.ts";
import type { Db } from "./db.ts";
import { foldText } from "./fold.ts";
import { addSourceRef, leadArticle } from "./source-ref.ts";

/** Source ids matching an id, an exact URL or a title/URL substring (accent- and case-insensitive). */
export async function resolveSources(db: Db, ref: string): Promise<number[]> {
  const all = await db.source.findMany({ select: { id: true, url: true, title: true } });
  const trimmed = ref.trim();
  if (/^\d+$/.test(trimmed)) return all.filter((s) => s.id === Number(trimmed)).map((s) => s.id);
  const exact = all.filter((s) => s.url === trimmed);
  if (exact.length > 0) return exact.map((s) => s.id);
  const q = foldText(trimmed);
  if (!q) return [];
  return all.filter((s) => foldText(s.title ?? "").includes(q) || foldText(s.url).includes(q)).map((s) => s.id);
}

/** Stories newest first, with one article's title and its own URL (`leadArticle`), their sources and topics. */
export async function latest(db: Db, q: LatestQuery): Promise<StoryLine[]> {
  const articleFilter: { sourceId?: { in: number[] }; topics?: { some: { topic: { slug: string } } } } = {};
  if (q.source !== undefined && q.source.trim() !== "") {
    const ids = await resolveSources(db, q.source);
    if (ids.length === 0) return [];
    articleFilter.sourceId = { in: ids };
  }
  if (q.topic !== undefined && q.topic.trim() !== "") {
    articleFilter.topics = { some: { topic: { slug: q.topic.trim().toLowerCase() } } };
  }
  const filtered = Object.keys(articleFilter).length > 0;
  const stories = await db.story.findMany({
    where: filtered ? { articles: { some: articleFilter } } : { articleCount: { gt: 0 } },
    orderBy: [{ lastSeenAt: "desc" }, { id: "desc" }],
    take: Math.max(0, q.limit),
    skip: Math.max(0, q.offset ?? 0),
    select: {
      id: true,
      title: true,
      lastSeenAt: true,
      articles: {
        orderBy: [{ publishedAt: { sort: "asc", nulls: "last" } }, { id: "asc" }],
        select: {
          title: true,
          url: true,
          publishedAt: true,
          sourceId: true,
          language: true,
          source: { select: { title: true, url: true } },
          topics: { select: { topic: { select: { slug: true } } } },
        },
      },
    },
  });
  return stories.flatMap((s) => {
    const first = leadArticle(s.articles);
    if (!first) return [];
    const sources: SourceRef[] = [];
    const topics = new Set<string>();
    for (const a of s.articles) {
      addSourceRef(sources, a.source);
      for (const t of a.topics) topics.add(t.topic.slug);
    }
    return [
      {
        storyId: s.id,
        title: first.title,
        url: first.url,
        publishedAt: s.lastSeenAt,
        // undated articles count from when they were stored: say so rather than show it as a publication day
        firstSeen: s.articles.every((a) => a.publishedAt === null),
        sourceCount: new Set(s.articles.map((a) => a.sourceId ?? 0)).size,
        articleCount: s.articles.length,
        sources,
        topics: [...topics].sort(),
        languages: languageCounts(s.articles),
      },
    ];
  });
}

/** Outlets per language of a story's articles, most first (then by code); undetermined languages left out. */
export function languageCounts(articles: Array<{ language: string; sourceId: number | null }>): LanguageCount[] {
  const outlets = new Map<string, Set<number>>();
  for (const a of articles) {
    if (!/^[a-z]{2}$/.test(a.language)) continue;
    const set = outlets.get(a.language) ?? new Set<number>();
    set.add(a.sourceId ?? 0);
    outlets.set(a.language, set);
  }
  return [...outlets]
    .map(([language, set]) => ({ language, sources: set.size }))
    .sort((a, b) => b.sources - a.sources || a.language.localeCompare(b.language));
}
