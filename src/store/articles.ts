/**
 * ArticleStore on Prisma: dedupe, story candidates and the one-transaction save.
 */
import type { DocumentAnalysis, StorySignature } from "../core/analysis-types.ts";
import type { ArticleInput, ArticleStore, SaveResult, StoryCandidate } from "../core/store.ts";
import { type Db, isUniqueViolation } from "./db.ts";
import { parseDay } from "./fold.ts";
import type { Provider } from "./migration-files.ts";
import { refreshStory, saveEvents, savePeople, saveQuotes, saveTopics } from "./save-analysis.ts";
import { findDuplicates, saveBatch } from "./save-batch.ts";

const DAY_MS = 86_400_000;

type DuplicateKeys = Parameters<ArticleStore["findDuplicate"]>[0];

/** Parses a stored signature, tolerating old or damaged JSON. */
export function parseSignature(json: string): StorySignature {
  let v: Partial<StorySignature> = {};
  try {
    v = JSON.parse(json) as Partial<StorySignature>;
  } catch {
    // An empty signature only makes the article a poor story candidate.
  }
  const list = (x: unknown) => (Array.isArray(x) ? x.filter((s): s is string => typeof s === "string") : []);
  return {
    people: list(v.people),
    dates: list(v.dates),
    quoteShingles: list(v.quoteShingles),
    keywords: list(v.keywords),
    ...(Array.isArray(v.eventDays) ? { eventDays: list(v.eventDays) } : {}),
    ...(typeof v.published === "string" ? { published: v.published } : {}),
  };
}

async function findExisting(db: Db, k: DuplicateKeys): Promise<{ id: number; storyId: number } | null> {
  const or = [];
  if (k.url) or.push({ url: k.url });
  if (k.guid) or.push({ sourceId: k.sourceId, guid: k.guid });
  or.push({ contentHash: k.contentHash });
  return db.article.findFirst({ where: { OR: or }, select: { id: true, storyId: true }, orderBy: { id: "asc" } });
}

/** Builds the ArticleStore methods over a client. */
export function articleStore(db: Db, provider: Provider): ArticleStore {
  return {
    async findDuplicate(k) {
      return (await findExisting(db, k))?.id ?? null;
    },

    findDuplicates: (keys) => findDuplicates(db, keys),
    saveBatch: (items) => saveBatch(db, provider, items),

    async storyCandidates(around: Date, days: number): Promise<StoryCandidate[]> {
      const from = new Date(around.getTime() - days * DAY_MS);
      const to = new Date(around.getTime() + days * DAY_MS);
      const rows = await db.article.findMany({
        where: {
          OR: [{ publishedAt: { gte: from, lte: to } }, { publishedAt: null, createdAt: { gte: from, lte: to } }],
        },
        select: { id: true, storyId: true, sourceId: true, signature: true, publishedAt: true, createdAt: true },
        orderBy: { id: "desc" },
        take: 5000,
      });
      return rows.map((r) => ({
        articleId: r.id,
        storyId: r.storyId,
        sourceId: r.sourceId,
        signature: parseSignature(r.signature),
        at: r.publishedAt ?? r.createdAt,
      }));
    },

    async saveArticle(
      input: ArticleInput,
      analysis: DocumentAnalysis,
      contentHash: string,
      storyId: number | null,
    ): Promise<SaveResult> {
      const keys = { url: input.url, guid: input.guid, sourceId: input.sourceId, contentHash };
      const before = await findExisting(db, keys);
      if (before) return { status: "duplicate", articleId: before.id, storyId: before.storyId };
      try {
        return await db.$transaction(
          async (tx) => {
            const publishedAt = input.publishedAt ?? parseDay(analysis.publishedAt);
            const seenAt = publishedAt ?? new Date();
            let sid: number | null = null;
            let attached = false;
            if (storyId !== null) {
              // Locks the story row (PostgreSQL) so concurrent attaches recount after each other.
              const r = await tx.story.updateMany({ where: { id: storyId }, data: { articleCount: { increment: 1 } } });
              if (r.count > 0) {
                sid = storyId;
                attached = true;
              }
            }
            if (sid === null) {
              // A new story holds just this article: its counts are known, no refresh needed.
              const title = input.title || analysis.title;
              const story = await tx.story.create({
                data: { title, firstSeenAt: seenAt, lastSeenAt: seenAt, articleCount: 1, sourceCount: 1 },
              });
              sid = story.id;
            }
            const article = await tx.article.create({
              data: {
                sourceId: input.sourceId,
                url: input.url,
                guid: input.guid,
                title: input.title || analysis.title,
                author: input.author,
                publishedAt,
                language: analysis.language || "und",
                body: analysis.text,
                summary: input.summary,
                contentHash,
                signature: JSON.stringify(analysis.signature),
                storyId: sid,
                seeded: input.seeded ?? false,
              },
              select: { id: true },
            });
            const people = await savePeople(tx, article.id, analysis);
            await saveQuotes(tx, article.id, analysis, people);
            await saveEvents(tx, article.id, analysis);
            await saveTopics(tx, article.id, analysis.topics);
            if (attached) await refreshStory(tx, sid);
            return { status: "inserted" as const, articleId: article.id, storyId: sid };
          },
          { maxWait: 15_000, timeout: 30_000 },
        );
      } catch (err) {
        // Another writer stored the same article between our check and insert.
        if (isUniqueViolation(err)) {
          const after = await findExisting(db, keys);
          if (after) return { status: "duplicate", articleId: after.id, storyId: after.storyId };
        }
        throw err;
      }
    },
  };
}
