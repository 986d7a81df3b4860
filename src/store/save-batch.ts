/**
 * The one article writer: dedupe lookups for many articles in one query, and many articles saved in one
 * transaction with a fixed number of statements (stories, articles, people, aliases, quotes, events, topics),
 * instead of ~15 statements per article. A single article is a batch of one (core/store.ts saveArticle).
 */
import { join, raw } from "@prisma/client/runtime/client";
import type { ExtractedEvent, ExtractedPerson } from "../core/analysis-types.ts";
import { foldKey } from "../core/name-key.ts";
import type { ArticleRef, BatchArticle, DuplicateKeys, SaveResult } from "../core/store.ts";
import type { Db, Tx } from "./db.ts";
import { spanFits } from "./event-span.ts";
import { foldText, parseDay } from "./fold.ts";
import { insertRows } from "./insert-rows.ts";
import type { Provider } from "./migration-files.ts";

const DEDUPE_CHUNK = 300;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Column values for an event (extracted or curated), or null when its dates are not YYYY-MM-DD or it lasts longer
 * than its precision allows (event-span.ts: timelines rely on it).
 */
export function eventColumns(e: Pick<ExtractedEvent, "start" | "end" | "precision" | "text" | "summary">) {
  const m = DAY.exec(e.start);
  if (!m || !DAY.test(e.end)) return null;
  const endDate = e.end.localeCompare(e.start) < 0 ? e.start : e.end;
  if (!spanFits(e.start, endDate, e.precision)) return null;
  return {
    startDate: e.start,
    endDate,
    startYear: Number(m[1]),
    startMonth: Number(m[2]),
    startDay: Number(m[3]),
    precision: e.precision,
    phrase: e.text,
    summary: e.summary,
    searchFold: foldText(`${e.text} ${e.summary}`),
  };
}

/** The existing article (and its story) for each key (url, then source+guid, then content hash), or null. */
export async function findDuplicates(db: Db, keys: DuplicateKeys[]): Promise<Array<ArticleRef | null>> {
  if (keys.length === 0) return [];
  // Prisma refuses a statement with more parameters than the database takes (999 on SQLite): up to three per key.
  if (keys.length > DEDUPE_CHUNK) {
    const out: Array<ArticleRef | null> = [];
    for (let i = 0; i < keys.length; i += DEDUPE_CHUNK)
      out.push(...(await findDuplicates(db, keys.slice(i, i + DEDUPE_CHUNK))));
    return out;
  }
  const urls = [...new Set(keys.flatMap((k) => (k.url ? [k.url] : [])))];
  const hashes = [...new Set(keys.map((k) => k.contentHash))];
  const guided = keys.filter((k) => k.guid);
  const or = [{ contentHash: { in: hashes } }, ...(urls.length > 0 ? [{ url: { in: urls } }] : [])];
  for (const sourceId of new Set(guided.map((k) => k.sourceId))) {
    const guids = [...new Set(guided.filter((k) => k.sourceId === sourceId).map((k) => k.guid as string))];
    or.push({ sourceId, guid: { in: guids } } as never);
  }
  const rows = await db.article.findMany({
    where: { OR: or },
    select: { id: true, storyId: true, url: true, guid: true, sourceId: true, contentHash: true },
    orderBy: { id: "asc" },
  });
  const byUrl = new Map<string, ArticleRef>();
  const byHash = new Map<string, ArticleRef>();
  const byGuid = new Map<string, ArticleRef>();
  for (const r of rows) {
    const ref = { articleId: r.id, storyId: r.storyId };
    if (r.url && !byUrl.has(r.url)) byUrl.set(r.url, ref);
    if (!byHash.has(r.contentHash)) byHash.set(r.contentHash, ref);
    const g = `${r.sourceId}|${r.guid}`;
    if (r.guid && !byGuid.has(g)) byGuid.set(g, ref);
  }
  return keys.map(
    (k) =>
      (k.url ? byUrl.get(k.url) : undefined) ??
      (k.guid ? byGuid.get(`${k.sourceId}|${k.guid}`) : undefined) ??
      byHash.get(k.contentHash) ??
      null,
  );
}

/** Saves the articles in one transaction (see ArticleStore.saveBatch). */
export async function saveBatch(db: Db, provider: Provider, items: BatchArticle[]): Promise<SaveResult[]> {
  if (items.length === 0) return [];
  return db.$transaction(async (tx) => writeBatch(tx, provider, items), { maxWait: 15_000, timeout: 60_000 });
}

async function writeBatch(tx: Tx, provider: Provider, items: BatchArticle[]): Promise<SaveResult[]> {
  const now = new Date();
  const dates = items.map((it) => it.input.publishedAt ?? parseDay(it.analysis.publishedAt));
  // 1. Stories: existing ones take a count increment; new ones are created together. ids are assigned in row
  // order within one INSERT (SQLite rowids, PostgreSQL sequence), so sorted returned ids follow the rows.
  const storyOf: Array<number | null> = items.map(() => null);
  const fresh: number[] = [];
  items.forEach((it, i) => {
    if (it.sameStoryAs === undefined && it.storyId === null) fresh.push(i);
  });
  const attached = new Set<number>();
  const joining = new Map<number, number>();
  for (const it of items) {
    if (it.sameStoryAs === undefined && it.storyId !== null)
      joining.set(it.storyId, (joining.get(it.storyId) ?? 0) + 1);
  }
  // One UPDATE per distinct increment (usually one or two), not one per story. It locks the story rows
  // (PostgreSQL) so concurrent attaches recount after each other; RETURNING tells which stories still exist.
  const byIncrement = new Map<number, number[]>();
  for (const [id, n] of joining) byIncrement.set(n, [...(byIncrement.get(n) ?? []), id]);
  for (const [n, ids] of byIncrement) {
    const rows = await tx.$queryRaw<
      Array<{ id: unknown }>
    >`UPDATE "Story" SET "articleCount" = "articleCount" + ${n} WHERE "id" IN (${join(ids)}) RETURNING "id"`;
    for (const r of rows) attached.add(Number(r.id));
  }
  items.forEach((it, i) => {
    if (it.sameStoryAs === undefined && it.storyId !== null && !attached.has(it.storyId)) fresh.push(i);
  });
  fresh.sort((a, b) => a - b);
  if (fresh.length > 0) {
    const created = await insertRows(
      tx,
      provider,
      "Story",
      fresh.map((i) => {
        const it = items[i] as BatchArticle;
        const seenAt = dates[i] ?? now;
        return {
          title: it.input.title || it.analysis.title,
          firstSeenAt: seenAt,
          lastSeenAt: seenAt,
          articleCount: 1,
          sourceCount: 1,
        };
      }),
      '"id"',
    );
    const ids = created.map((c) => Number(c.id)).sort((a, b) => a - b);
    fresh.forEach((i, k) => {
      storyOf[i] = ids[k] ?? null;
    });
  }
  items.forEach((it, i) => {
    if (storyOf[i] === null && it.storyId !== null && attached.has(it.storyId)) storyOf[i] = it.storyId;
  });
  items.forEach((it, i) => {
    if (it.sameStoryAs !== undefined) {
      const sid = storyOf[it.sameStoryAs];
      if (sid === null || sid === undefined)
        throw new Error(`batch item ${i} joins item ${it.sameStoryAs}, which has no story`);
      storyOf[i] = sid;
      attached.add(sid);
    }
  });
  // 2. Articles, mapped back by their unique content hash.
  const arts = await insertRows(
    tx,
    provider,
    "Article",
    items.map((it, i) => ({
      sourceId: it.input.sourceId,
      url: it.input.url,
      guid: it.input.guid,
      title: it.input.title || it.analysis.title,
      author: it.input.author,
      publishedAt: dates[i] ?? null,
      language: it.analysis.language || "und",
      body: it.analysis.text,
      summary: it.input.summary,
      contentHash: it.contentHash,
      signature: JSON.stringify(it.analysis.signature),
      storyId: storyOf[i] as number,
      seeded: it.input.seeded ?? false,
      createdAt: now,
    })),
    '"id", "contentHash"',
  );
  const idByHash = new Map(arts.map((a) => [String(a.contentHash), Number(a.id)]));
  const articleIds = items.map((it) => {
    const id = idByHash.get(it.contentHash);
    if (id === undefined) throw new Error("an article of the batch was not stored");
    return id;
  });
  const people = await savePeopleBatch(tx, provider, items, articleIds, now);
  await saveQuotesBatch(tx, provider, items, articleIds, people);
  const events = items.flatMap((it, i) =>
    it.analysis.events.flatMap((e) => {
      const cols = eventColumns(e);
      return cols ? [{ ...cols, articleId: articleIds[i] as number, curated: false, position: e.position }] : [];
    }),
  );
  await insertRows(
    tx,
    provider,
    "Event",
    events.map((e) => ({ ...e, createdAt: now })),
  );
  await saveTopicsBatch(tx, provider, items, articleIds);
  // 3. Stories that gained articles other than their first one.
  await refreshStories(tx, [...attached]);
  return items.map((_, i) => ({
    status: "inserted" as const,
    articleId: articleIds[i] as number,
    storyId: storyOf[i] as number,
  }));
}

/**
 * Recomputes stories in one statement: counts, distinct sources (local files together as one) and first/last
 * dates, from the stories' articles, by the database. Dates are
 * copied, not converted (SQLite keeps them as fixed-format ISO text, so MIN/MAX order them chronologically).
 */
async function refreshStories(tx: Tx, storyIds: number[]): Promise<void> {
  if (storyIds.length === 0) return;
  // One pass over the stories' articles (UPDATE … FROM, SQLite ≥ 3.33 and PostgreSQL), not four correlated
  // subqueries per story: a batch attaches to a hundred stories of thirty articles each.
  const when = raw(`COALESCE(a."publishedAt", a."createdAt")`);
  await tx.$executeRaw`UPDATE "Story" SET
    "articleCount" = agg."n", "sourceCount" = agg."s", "firstSeenAt" = agg."f", "lastSeenAt" = agg."l"
    FROM (SELECT a."storyId" AS "id", COUNT(*) AS "n", COUNT(DISTINCT COALESCE(a."sourceId", 0)) AS "s",
        MIN(${when}) AS "f", MAX(${when}) AS "l"
      FROM "Article" a WHERE a."storyId" IN (${join(storyIds)}) GROUP BY a."storyId") AS agg
    WHERE "Story"."id" = agg."id"`;
}

/** Person, PersonAlias and ArticlePerson rows of the batch; returns each article's person ids by fold key. */
async function savePeopleBatch(
  tx: Tx,
  provider: Provider,
  items: BatchArticle[],
  articleIds: number[],
  now: Date,
): Promise<Array<Map<string, number>>> {
  const perArticle = items.map((it) => {
    const m = new Map<string, ExtractedPerson>();
    for (const p of it.analysis.people) {
      const key = p.key || foldKey(p.name);
      if (key && !m.has(key)) m.set(key, p);
    }
    return m;
  });
  const all = new Map<string, ExtractedPerson>();
  for (const m of perArticle) for (const [k, p] of m) if (!all.has(k)) all.set(k, p);
  if (all.size === 0) return perArticle.map(() => new Map());
  const rows = [...all].map(([key, p]) => ({ name: p.name, key, role: p.role, createdAt: now }));
  await insertRows(tx, provider, "Person", rows, "", '"key"');
  const found = await tx.person.findMany({ where: { key: { in: [...all.keys()] } }, select: { id: true, key: true } });
  const idOf = new Map(found.map((r) => [r.key, r.id]));
  const aliases = new Map<string, { alias: string; personId: number }>();
  const links: Array<{ articleId: number; personId: number; mentions: number; role: string | null }> = [];
  const out = perArticle.map((m, i) => {
    const ids = new Map<string, number>();
    const linked = new Set<number>();
    for (const [key, p] of m) {
      const personId = idOf.get(key);
      if (personId === undefined) continue;
      ids.set(key, personId);
      if (!linked.has(personId)) {
        linked.add(personId);
        links.push({ articleId: articleIds[i] as number, personId, mentions: Math.max(1, p.mentions), role: p.role });
      }
      for (const alias of new Set([p.name, ...p.aliases])) {
        const aliasKey = foldKey(alias);
        if (!aliasKey) continue;
        if (!aliases.has(aliasKey)) aliases.set(aliasKey, { alias, personId });
        if (!ids.has(aliasKey)) ids.set(aliasKey, personId);
      }
    }
    return ids;
  });
  if (aliases.size > 0) {
    const values = [...aliases].map(([key, a]) => ({ alias: a.alias, key, personId: a.personId }));
    await insertRows(tx, provider, "PersonAlias", values, "", '"key"');
  }
  await insertRows(tx, provider, "ArticlePerson", links);
  return out;
}

/** Quote rows of the batch; speakers not among an article's people are looked up once for the whole batch. */
async function saveQuotesBatch(
  tx: Tx,
  provider: Provider,
  items: BatchArticle[],
  articleIds: number[],
  people: Array<Map<string, number>>,
): Promise<void> {
  const keyOf = (speaker: string | null) => (speaker ? foldKey(speaker) || null : null);
  const unknown = new Set<string>();
  items.forEach((it, i) => {
    for (const q of it.analysis.quotes) {
      const k = keyOf(q.speaker);
      if (k && !people[i]?.has(k)) unknown.add(k);
    }
  });
  const known = new Map<string, number>();
  if (unknown.size > 0) {
    const keys = [...unknown];
    const [aliases, persons] = await Promise.all([
      tx.personAlias.findMany({ where: { key: { in: keys } }, select: { key: true, personId: true } }),
      tx.person.findMany({ where: { key: { in: keys } }, select: { key: true, id: true } }),
    ]);
    for (const p of persons) known.set(p.key, p.id);
    for (const a of aliases) known.set(a.key, a.personId);
  }
  const data = items.flatMap((it, i) =>
    it.analysis.quotes.map((q) => {
      const speakerKey = keyOf(q.speaker);
      return {
        articleId: articleIds[i] as number,
        text: q.text,
        textFold: foldText(q.text),
        speakerName: q.speaker,
        speakerKey,
        personId: speakerKey ? (people[i]?.get(speakerKey) ?? known.get(speakerKey) ?? null) : null,
        position: q.position,
      };
    }),
  );
  await insertRows(tx, provider, "Quote", data);
}

/** Topic and ArticleTopic rows of the batch. */
async function saveTopicsBatch(tx: Tx, provider: Provider, items: BatchArticle[], articleIds: number[]): Promise<void> {
  const per = items.map((it) => [...new Set(it.analysis.topics.map((t) => t.trim()).filter((t) => t.length > 0))]);
  const slugs = [...new Set(per.flat())];
  if (slugs.length === 0) return;
  await insertRows(
    tx,
    provider,
    "Topic",
    slugs.map((slug) => ({ slug })),
    "",
    '"slug"',
  );
  const rows = await tx.topic.findMany({ where: { slug: { in: slugs } }, select: { id: true, slug: true } });
  const idOf = new Map(rows.map((r) => [r.slug, r.id]));
  const data = per.flatMap((list, i) =>
    list.flatMap((slug) => {
      const topicId = idOf.get(slug);
      return topicId === undefined ? [] : [{ articleId: articleIds[i] as number, topicId }];
    }),
  );
  await insertRows(tx, provider, "ArticleTopic", data);
}
