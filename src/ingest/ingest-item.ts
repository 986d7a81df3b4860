/**
 * One feed item on its way to storage: dedupe keys, analysis input, story window, article input. Shared by
 * item-by-item (./ingest-items.ts) and batched (./ingest-batch.ts) ingestion.
 */
import { createHash } from "node:crypto";
import type { AnalysisInput, DocumentAnalysis, StorySignature } from "../core/analysis-types.ts";
import type { Clock, Logger } from "../core/logger.ts";
import type { ArticleInput, ArticleStore } from "../core/store.ts";
import { tryCanonicalUrl } from "./canonical-url.ts";
import type { FeedItem } from "./parse-feed.ts";

/** Days around the publication date in which an article may join an existing story. */
export const STORY_WINDOW_DAYS = 7;

/** Progress of a batch, reported after every item. */
export interface IngestProgress {
  done: number;
  total: number;
  inserted: number;
  duplicates: number;
  failed: number;
  source?: string;
}

export interface ItemDeps {
  articles: ArticleStore;
  analyze: (input: AnalysisInput) => DocumentAnalysis | Promise<DocumentAnalysis>;
  /**
   * Optional: analyses many inputs at once (the worker pool, ./analysis-pool.ts), one result per input.
   * Used for big batches only; `analyze` stays the in-process fallback.
   */
  analyzeMany?: (inputs: AnalysisInput[]) => Promise<Array<{ ok: DocumentAnalysis } | { error: string }>>;
  findStory: (sig: StorySignature, candidates: Array<{ storyId: number; signature: StorySignature }>) => number | null;
  clock: Clock;
  logger: Logger;
  onProgress?: (p: IngestProgress) => void;
}

/** sha256 hex of the text with whitespace collapsed and letters lower-cased (the dedupe key). */
export function contentHash(text: string): string {
  const normal = text.normalize("NFC").replace(/\s+/g, " ").trim().toLowerCase();
  return createHash("sha256").update(normal, "utf8").digest("hex");
}

/** Context of one ingest call. */
export interface ItemContext {
  sourceId: number | null;
  sourceName?: string;
  baseUrl?: string;
  seeded?: boolean;
}

/** Dedupe keys and text of a feed item; throws when the item has nothing to store. */
export function prepareItem(item: FeedItem, ctx: ItemContext) {
  const text = item.content?.trim() || item.summary?.trim() || item.title.trim();
  if (text === "") throw new Error("the item has no title or text");
  const url = tryCanonicalUrl(item.url, ctx.baseUrl);
  const guid = item.guid?.trim() || null;
  return { text, keys: { url, guid, sourceId: ctx.sourceId, contentHash: contentHash(text) } };
}

/** The analysis input of an item. */
export function analysisInput(item: FeedItem, text: string): AnalysisInput {
  return { text, title: item.title || null, publishedAt: item.publishedAt ? isoDay(item.publishedAt) : null };
}

/** The date an item's story window is centred on. */
export function storyAround(deps: Pick<ItemDeps, "clock">, item: FeedItem, analysis: DocumentAnalysis): Date {
  return (
    item.publishedAt ??
    (analysis.publishedAt ? new Date(`${analysis.publishedAt}T12:00:00Z`) : null) ??
    deps.clock.now()
  );
}

/** The article input of an item. */
export function articleInput(
  item: FeedItem,
  analysis: DocumentAnalysis,
  keys: { url: string | null; guid: string | null },
  ctx: ItemContext,
): ArticleInput {
  return {
    sourceId: ctx.sourceId,
    url: keys.url,
    guid: keys.guid,
    title: item.title || analysis.title,
    author: item.author,
    publishedAt: item.publishedAt,
    summary: item.summary,
    ...(ctx.seeded ? { seeded: true } : {}),
  };
}

/** YYYY-MM-DD of a date, in UTC. */
function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}
