/**
 * What a digest is composed from: stories and quotes of the articles that arrived (were stored) in the
 * window — so consecutive digests never repeat an article — and that are recent: published after
 * `publishedAfter` (or, for an article its feed gave no date, first seen after it). Importing an old archive
 * thus never turns years-old stories into today's news.
 */
import type { DigestStory } from "../core/delivery.ts";
import type { QuoteRow, SourceRef } from "../core/queries.ts";
import type { Prisma } from "../generated/sqlite/client.ts";
import type { Db } from "./db.ts";
import { QUOTE_ROW_SELECT, toQuoteRow } from "./quotes.ts";
import { addSourceRef, leadArticle } from "./source-ref.ts";

/** Upper bound on in-window articles read for one digest. */
const MAX_ARTICLES = 2000;

function arrivedWhere(
  from: Date,
  to: Date,
  topics: string[],
  publishedAfter?: Date,
  languages: string[] = [],
): Prisma.ArticleWhereInput {
  return {
    createdAt: { gt: from, lte: to },
    ...(publishedAfter
      ? { OR: [{ publishedAt: { gt: publishedAfter } }, { publishedAt: null, createdAt: { gt: publishedAfter } }] }
      : {}),
    // A new source's history (seeded by /addsource) is archived, not news: never in digests or alerts.
    seeded: false,
    ...(topics.length > 0 ? { topics: { some: { topic: { slug: { in: topics } } } } } : {}),
    ...(languages.length > 0 ? { language: { in: languages } } : {}),
  };
}

/**
 * Stories with an article that arrived in (from, to] (and, with `publishedAfter`, is recent; with `languages`,
 * is in one of them), newest arrival first, and their total count. With `languages`, a story's title, link and
 * sources come from its articles in those languages only.
 */
export async function storiesArrived(
  db: Db,
  from: Date,
  to: Date,
  topics: string[],
  limit: number,
  publishedAfter?: Date,
  languages: string[] = [],
): Promise<{ stories: DigestStory[]; total: number }> {
  const arrived = await db.article.findMany({
    where: arrivedWhere(from, to, topics, publishedAfter, languages),
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
        ...(languages.length > 0 ? { where: { language: { in: languages } } } : {}),
        orderBy: [{ publishedAt: { sort: "asc", nulls: "last" } }, { id: "asc" }],
        select: {
          title: true,
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
    const lead = leadArticle(s.articles);
    out.push({
      storyId: s.id,
      title: lead?.title || s.title,
      url: lead?.url ?? null,
      sources,
      topics: [...slugs].sort(),
      arrivedAt: newest.get(id) ?? to,
    });
  }
  return { stories: out, total: ids.length };
}

/**
 * Quotes with a speaker from articles that arrived in (from, to] (and are recent, and in `languages` when not
 * empty), newest article first.
 */
export async function quotesArrived(
  db: Db,
  from: Date,
  to: Date,
  topics: string[],
  limit: number,
  publishedAfter?: Date,
  languages: string[] = [],
): Promise<QuoteRow[]> {
  const rows = await db.quote.findMany({
    where: {
      article: arrivedWhere(from, to, topics, publishedAfter, languages),
      OR: [{ personId: { not: null } }, { speakerName: { not: null } }],
    },
    orderBy: [{ article: { createdAt: "desc" } }, { articleId: "desc" }, { position: "asc" }],
    take: Math.max(0, limit),
    select: QUOTE_ROW_SELECT,
  });
  return rows.map(toQuoteRow);
}
