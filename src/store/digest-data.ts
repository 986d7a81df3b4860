/**
 * What a digest is composed from: stories and quotes by arrival time (when the bot stored the articles),
 * so a digest covers exactly what arrived since the subscription's previous one.
 */
import type { DigestStory } from "../core/delivery.ts";
import type { QuoteRow, SourceRef } from "../core/queries.ts";
import type { Prisma } from "../generated/sqlite/client.ts";
import type { Db } from "./db.ts";
import { addSourceRef } from "./source-ref.ts";

/** Upper bound on in-window articles read for one digest. */
const MAX_ARTICLES = 2000;

function arrivedWhere(from: Date, to: Date, topics: string[]): Prisma.ArticleWhereInput {
  return {
    createdAt: { gt: from, lte: to },
    // A new source's history (seeded by /addsource) is archived, not news: never in digests or alerts.
    seeded: false,
    ...(topics.length > 0 ? { topics: { some: { topic: { slug: { in: topics } } } } } : {}),
  };
}

/** Stories with an article that arrived in (from, to], newest arrival first, and their total count. */
export async function storiesArrived(
  db: Db,
  from: Date,
  to: Date,
  topics: string[],
  limit: number,
): Promise<{ stories: DigestStory[]; total: number }> {
  const arrived = await db.article.findMany({
    where: arrivedWhere(from, to, topics),
    select: { storyId: true, createdAt: true },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: MAX_ARTICLES,
  });
  const newest = new Map<number, Date>();
  for (const a of arrived) if (!newest.has(a.storyId)) newest.set(a.storyId, a.createdAt);
  const ids = [...newest.keys()];
  const page = ids.slice(0, Math.max(0, limit));
  const stories = await db.story.findMany({
    where: { id: { in: page } },
    select: {
      id: true,
      title: true,
      articles: {
        orderBy: [{ publishedAt: { sort: "asc", nulls: "last" } }, { id: "asc" }],
        select: {
          url: true,
          source: { select: { title: true, url: true } },
          topics: { select: { topic: { select: { slug: true } } } },
        },
      },
    },
  });
  const byId = new Map(stories.map((s) => [s.id, s]));
  const out: DigestStory[] = [];
  for (const id of page) {
    const s = byId.get(id);
    if (!s) continue;
    const sources: SourceRef[] = [];
    const slugs = new Set<string>();
    for (const a of s.articles) {
      addSourceRef(sources, a.source);
      for (const t of a.topics) slugs.add(t.topic.slug);
    }
    out.push({
      storyId: s.id,
      title: s.title,
      url: s.articles.find((a) => a.url !== null)?.url ?? null,
      sources,
      topics: [...slugs].sort(),
      arrivedAt: newest.get(id) ?? to,
    });
  }
  return { stories: out, total: ids.length };
}

/** Quotes with a speaker from articles that arrived in (from, to], newest article first. */
export async function quotesArrived(
  db: Db,
  from: Date,
  to: Date,
  topics: string[],
  limit: number,
): Promise<QuoteRow[]> {
  const rows = await db.quote.findMany({
    where: {
      article: arrivedWhere(from, to, topics),
      OR: [{ personId: { not: null } }, { speakerName: { not: null } }],
    },
    orderBy: [{ article: { createdAt: "desc" } }, { articleId: "desc" }, { position: "asc" }],
    take: Math.max(0, limit),
    select: {
      id: true,
      text: true,
      speakerName: true,
      person: { select: { name: true } },
      article: { select: { title: true, url: true, publishedAt: true } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    text: r.text,
    speaker: r.person?.name ?? r.speakerName,
    articleTitle: r.article.title,
    url: r.article.url,
    publishedAt: r.article.publishedAt,
  }));
}
