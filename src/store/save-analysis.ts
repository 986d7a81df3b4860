/**
 * Writes an article's analysis (people and aliases, quotes, events, topics) and refreshes story counts,
 * inside the caller's transaction. Shared rows (Person, PersonAlias, Topic) are inserted with
 * `ON CONFLICT DO NOTHING` so concurrent writers never abort each other's transaction.
 */
import { join, sqltag as sql } from "@prisma/client/runtime/client";
import type { DocumentAnalysis, ExtractedEvent, ExtractedPerson } from "../core/analysis-types.ts";
import { foldKey } from "../core/name-key.ts";
import type { Tx } from "./db.ts";
import { foldText } from "./fold.ts";

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Upserts people and their aliases; returns person ids by fold key (canonical and alias keys). */
export async function savePeople(tx: Tx, articleId: number, analysis: DocumentAnalysis): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  const people = new Map<string, ExtractedPerson>();
  for (const p of analysis.people) {
    const key = p.key || foldKey(p.name);
    if (key && !people.has(key)) people.set(key, p);
  }
  if (people.size === 0) return ids;
  // One statement per table (not one per person and alias): this is the hot path of ingestion.
  const now = new Date();
  const personRows = [...people].map(([key, p]) => sql`(${p.name}, ${key}, ${p.role}, ${now})`);
  await tx.$executeRaw`INSERT INTO "Person" ("name", "key", "role", "createdAt") VALUES ${join(personRows)} ON CONFLICT ("key") DO NOTHING`;
  const found = await tx.person.findMany({
    where: { key: { in: [...people.keys()] } },
    select: { id: true, key: true },
  });
  const idOf = new Map(found.map((r) => [r.key, r.id]));
  const aliasRows = new Map<string, { alias: string; personId: number }>();
  const links = new Map<number, ExtractedPerson>();
  for (const [key, p] of people) {
    const personId = idOf.get(key);
    if (personId === undefined) continue;
    ids.set(key, personId);
    if (!links.has(personId)) links.set(personId, p);
    for (const alias of new Set([p.name, ...p.aliases])) {
      const aliasKey = foldKey(alias);
      if (!aliasKey) continue;
      // First person to claim an alias keeps it (in the database too: ON CONFLICT DO NOTHING).
      if (!aliasRows.has(aliasKey)) aliasRows.set(aliasKey, { alias, personId });
      if (!ids.has(aliasKey)) ids.set(aliasKey, personId);
    }
  }
  if (aliasRows.size > 0) {
    const rows = [...aliasRows].map(([key, a]) => sql`(${a.alias}, ${key}, ${a.personId})`);
    await tx.$executeRaw`INSERT INTO "PersonAlias" ("alias", "key", "personId") VALUES ${join(rows)} ON CONFLICT ("key") DO NOTHING`;
  }
  if (links.size > 0) {
    const rows = [...links].map(
      ([personId, p]) => sql`(${articleId}, ${personId}, ${Math.max(1, p.mentions)}, ${p.role})`,
    );
    await tx.$executeRaw`INSERT INTO "ArticlePerson" ("articleId", "personId", "mentions", "role") VALUES ${join(rows)} ON CONFLICT ("articleId", "personId") DO NOTHING`;
  }
  return ids;
}

/** Inserts quotes, linking each to a person by its speaker's fold key (this article's people, then the registry). */
export async function saveQuotes(
  tx: Tx,
  articleId: number,
  analysis: DocumentAnalysis,
  people: Map<string, number>,
): Promise<void> {
  if (analysis.quotes.length === 0) return;
  const keyOf = (speaker: string | null) => (speaker ? foldKey(speaker) || null : null);
  // Speakers not among this article's people are looked up once, all together: aliases first, then keys.
  const unknown = [
    ...new Set(analysis.quotes.map((q) => keyOf(q.speaker)).filter((k): k is string => k !== null && !people.has(k))),
  ];
  const known = new Map(people);
  if (unknown.length > 0) {
    const [aliases, persons] = await Promise.all([
      tx.personAlias.findMany({ where: { key: { in: unknown } }, select: { key: true, personId: true } }),
      tx.person.findMany({ where: { key: { in: unknown } }, select: { key: true, id: true } }),
    ]);
    for (const p of persons) known.set(p.key, p.id);
    for (const a of aliases) known.set(a.key, a.personId);
  }
  const data = analysis.quotes.map((q) => {
    const speakerKey = keyOf(q.speaker);
    return {
      articleId,
      text: q.text,
      textFold: foldText(q.text),
      speakerName: q.speaker,
      speakerKey,
      personId: speakerKey ? (known.get(speakerKey) ?? null) : null,
      position: q.position,
    };
  });
  await tx.quote.createMany({ data });
}

/** Column values for an event, or null when its dates are not YYYY-MM-DD. */
export function eventColumns(e: Pick<ExtractedEvent, "start" | "end" | "precision" | "text" | "summary">) {
  const m = DAY.exec(e.start);
  if (!m || !DAY.test(e.end)) return null;
  return {
    startDate: e.start,
    endDate: e.end.localeCompare(e.start) < 0 ? e.start : e.end,
    startYear: Number(m[1]),
    startMonth: Number(m[2]),
    startDay: Number(m[3]),
    precision: e.precision,
    phrase: e.text,
    summary: e.summary,
    searchFold: foldText(`${e.text} ${e.summary}`),
  };
}

/** Inserts the extracted events of an article. */
export async function saveEvents(tx: Tx, articleId: number, analysis: DocumentAnalysis): Promise<void> {
  const data = analysis.events.flatMap((e) => {
    const cols = eventColumns(e);
    return cols ? [{ ...cols, articleId, curated: false, position: e.position }] : [];
  });
  if (data.length > 0) await tx.event.createMany({ data });
}

/** Links the article to its topics, creating Topic rows on demand. */
export async function saveTopics(tx: Tx, articleId: number, topics: string[]): Promise<void> {
  const slugs = [...new Set(topics.map((t) => t.trim()).filter((t) => t.length > 0))];
  if (slugs.length === 0) return;
  await tx.$executeRaw`INSERT INTO "Topic" ("slug") VALUES ${join(slugs.map((slug) => sql`(${slug})`))} ON CONFLICT ("slug") DO NOTHING`;
  const rows = await tx.topic.findMany({ where: { slug: { in: slugs } }, select: { id: true } });
  await tx.articleTopic.createMany({ data: rows.map((r) => ({ articleId, topicId: r.id })) });
}

/** Recomputes a story's counts and first/last dates from its articles. */
export async function refreshStory(tx: Tx, storyId: number): Promise<void> {
  const articles = await tx.article.findMany({
    where: { storyId },
    select: { sourceId: true, publishedAt: true, createdAt: true },
  });
  if (articles.length === 0) return;
  // Local files (no source) count as one source together.
  const sources = new Set(articles.map((a) => a.sourceId ?? 0));
  const times = articles.map((a) => (a.publishedAt ?? a.createdAt).getTime());
  await tx.story.update({
    where: { id: storyId },
    data: {
      articleCount: articles.length,
      sourceCount: sources.size,
      firstSeenAt: new Date(Math.min(...times)),
      lastSeenAt: new Date(Math.max(...times)),
    },
  });
}
