/**
 * Writes an article's analysis (people and aliases, quotes, events, topics) and refreshes story counts,
 * inside the caller's transaction. Shared rows (Person, PersonAlias, Topic) are inserted with
 * `ON CONFLICT DO NOTHING` so concurrent writers never abort each other's transaction.
 */
import { foldKey } from "../analysis/fold.ts";
import type { DocumentAnalysis, ExtractedEvent } from "../core/analysis-types.ts";
import type { Tx } from "./db.ts";
import { foldText } from "./fold.ts";

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Upserts people and their aliases; returns person ids by fold key (canonical and alias keys). */
export async function savePeople(tx: Tx, articleId: number, analysis: DocumentAnalysis): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const p of analysis.people) {
    const key = p.key || foldKey(p.name);
    if (!key) continue;
    await tx.$executeRaw`INSERT INTO "Person" ("name", "key", "role", "createdAt") VALUES (${p.name}, ${key}, ${p.role}, ${new Date()}) ON CONFLICT ("key") DO NOTHING`;
    const person = await tx.person.findUnique({ where: { key }, select: { id: true } });
    if (!person) continue;
    ids.set(key, person.id);
    for (const alias of new Set([p.name, ...p.aliases])) {
      const aliasKey = foldKey(alias);
      if (!aliasKey) continue;
      // First person to claim an alias keeps it.
      await tx.$executeRaw`INSERT INTO "PersonAlias" ("alias", "key", "personId") VALUES (${alias}, ${aliasKey}, ${person.id}) ON CONFLICT ("key") DO NOTHING`;
      if (!ids.has(aliasKey)) ids.set(aliasKey, person.id);
    }
    await tx.articlePerson.upsert({
      where: { articleId_personId: { articleId, personId: person.id } },
      create: { articleId, personId: person.id, mentions: Math.max(1, p.mentions), role: p.role },
      update: {},
    });
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
  const data = [];
  for (const q of analysis.quotes) {
    const speakerKey = q.speaker ? foldKey(q.speaker) || null : null;
    let personId: number | null = null;
    if (speakerKey) {
      personId = people.get(speakerKey) ?? null;
      if (personId === null) {
        const alias = await tx.personAlias.findUnique({ where: { key: speakerKey }, select: { personId: true } });
        const person = alias ? null : await tx.person.findUnique({ where: { key: speakerKey }, select: { id: true } });
        personId = alias?.personId ?? person?.id ?? null;
      }
    }
    data.push({
      articleId,
      text: q.text,
      textFold: foldText(q.text),
      speakerName: q.speaker,
      speakerKey,
      personId,
      position: q.position,
    });
  }
  if (data.length > 0) await tx.quote.createMany({ data });
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
  for (const slug of slugs) {
    await tx.$executeRaw`INSERT INTO "Topic" ("slug") VALUES (${slug}) ON CONFLICT ("slug") DO NOTHING`;
  }
  if (slugs.length === 0) return;
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
