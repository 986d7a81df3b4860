/**
 * ArticleStore on Prisma: dedupe, story candidates and the batch save (./save-batch.ts).
 */
import type { StorySignature } from "../core/analysis-types.ts";
import type { ArticleStore, StoryCandidate } from "../core/store.ts";
import type { Db } from "./db.ts";
import type { Provider } from "./migration-files.ts";
import { findDuplicates, saveBatch } from "./save-batch.ts";

const DAY_MS = 86_400_000;

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

/** Builds the ArticleStore methods over a client. */
export function articleStore(db: Db, provider: Provider): ArticleStore {
  return {
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
  };
}
