/**
 * Small read queries: topic counts, speaker autocomplete, archive statistics.
 */
import { foldKey } from "../core/name-key.ts";
import type { TopicCount } from "../core/queries.ts";
import type { Db } from "./db.ts";
import { tokens } from "./fold.ts";
import { matchPeople } from "./people.ts";

/** Topics with their article counts, most used first. */
export async function topicCounts(db: Db): Promise<TopicCount[]> {
  const rows = await db.topic.findMany({ select: { slug: true, _count: { select: { articles: true } } } });
  return rows
    .map((r) => ({ slug: r.slug, articleCount: r._count.articles }))
    .filter((r) => r.articleCount > 0)
    .sort((a, b) => b.articleCount - a.articleCount || a.slug.localeCompare(b.slug));
}

/** Canonical names of people who have quotes (and unlinked speakers), prefix matches first. */
export async function speakers(db: Db, prefix: string, limit: number): Promise<string[]> {
  const take = Math.max(0, limit);
  const key = foldKey(prefix);
  const last = tokens(key).at(-1);
  if (!last || take === 0) return [];
  const people = await matchPeople(db, prefix, { prefix: true });
  const withQuotes = await db.person.findMany({
    where: { id: { in: people.map((p) => p.id) }, quotes: { some: {} } },
    select: { id: true },
  });
  const quoted = new Set(withQuotes.map((p) => p.id));
  const ranked = people
    .filter((p) => quoted.has(p.id))
    .sort((a, b) => Number(b.prefix) - Number(a.prefix) || a.name.localeCompare(b.name, "fr"))
    .map((p) => p.name);
  const unlinked = await db.quote.findMany({
    where: { personId: null, speakerKey: { contains: last } },
    select: { speakerName: true },
    distinct: ["speakerKey"],
    take: 200,
  });
  for (const u of unlinked) if (u.speakerName && !ranked.includes(u.speakerName)) ranked.push(u.speakerName);
  return ranked.slice(0, take);
}

/** Row counts for /stats. */
export async function stats(db: Db) {
  const [articles, stories, quotes, events, sources] = await Promise.all([
    db.article.count(),
    db.story.count({ where: { articleCount: { gt: 0 } } }),
    db.quote.count(),
    db.event.count(),
    db.source.count(),
  ]);
  return { articles, stories, quotes, events, sources };
}
