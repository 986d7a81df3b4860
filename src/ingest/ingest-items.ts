/**
 * Stores a batch of feed items (or one local article): canonical URL, content hash, dedupe first (so a
 * re-run is cheap and idempotent), analysis, story grouping, save. One bad item never stops the batch.
 */
import { createHash } from "node:crypto";
import type { AnalysisInput, DocumentAnalysis, StorySignature } from "../core/analysis-types.ts";
import type { Clock, Logger } from "../core/logger.ts";
import type { ArticleInput, ArticleStore } from "../core/store.ts";
import { tryCanonicalUrl } from "./canonical-url.ts";
import { type ItemOutcome, ingestBatch } from "./ingest-batch.ts";
import type { FeedItem } from "./parse-feed.ts";
import { redactUrl } from "./url-policy.ts";

/** Progress of a batch, reported after every item. */
export interface IngestProgress {
  done: number;
  total: number;
  inserted: number;
  duplicates: number;
  failed: number;
  source?: string;
}

/** Outcome of one ingest call. */
export interface IngestSummary {
  inserted: number;
  duplicates: number;
  failed: number;
  /** Item failures and feed problems (parser recoveries, fetch failure), neutral English. */
  errors: string[];
  /** The server answered 304: nothing was parsed. */
  notModified?: boolean;
  /** The fetch or the parse of the whole document failed (recorded on the source when there is one). */
  fetchFailed?: boolean;
  feedTitle: string | null;
}

export interface ItemDeps {
  articles: ArticleStore;
  analyze: (input: AnalysisInput) => DocumentAnalysis | Promise<DocumentAnalysis>;
  findStory: (sig: StorySignature, candidates: Array<{ storyId: number; signature: StorySignature }>) => number | null;
  clock: Clock;
  logger: Logger;
  onProgress?: (p: IngestProgress) => void;
}

/** Keeps error lists readable when a whole feed is broken. */
const MAX_ERRORS = 50;
/** Days around the publication date in which an article may join an existing story. */
export const STORY_WINDOW_DAYS = 7;
/** Items per batch (one transaction) when the store supports batches. */
const BATCH_SIZE = 100;

/** sha256 hex of the text with whitespace collapsed and letters lower-cased (the dedupe key). */
export function contentHash(text: string): string {
  const normal = text.normalize("NFC").replace(/\s+/g, " ").trim().toLowerCase();
  return createHash("sha256").update(normal, "utf8").digest("hex");
}

/** Empty summary to add counts to. */
export function emptySummary(feedTitle: string | null = null): IngestSummary {
  return { inserted: 0, duplicates: 0, failed: 0, errors: [], feedTitle };
}

/** Appends an error, up to the cap. */
export function pushError(summary: IngestSummary, message: string): void {
  if (summary.errors.length < MAX_ERRORS) summary.errors.push(message);
  else if (summary.errors.length === MAX_ERRORS) summary.errors.push("(more errors not shown)");
}

/** Context of one ingest call. */
export interface ItemContext {
  sourceId: number | null;
  sourceName?: string;
  baseUrl?: string;
  seeded?: boolean;
}

/**
 * Stores the items, adding the outcome to `summary`. With a store that offers `findDuplicates` and `saveBatch`,
 * items go in batches (./ingest-batch.ts: one dedupe query, one candidate query and one transaction per batch);
 * otherwise one by one.
 */
export async function ingestItems(
  deps: ItemDeps,
  items: readonly FeedItem[],
  ctx: ItemContext,
  summary: IngestSummary,
): Promise<IngestSummary> {
  const total = items.length;
  let done = 0;
  const report = (item: FeedItem, outcome: ItemOutcome) => {
    recordOutcome(deps, summary, item, outcome, ctx);
    done++;
    deps.onProgress?.({
      done,
      total,
      inserted: summary.inserted,
      duplicates: summary.duplicates,
      failed: summary.failed,
      source: ctx.sourceName,
    });
  };
  if (deps.articles.findDuplicates && deps.articles.saveBatch) {
    for (let start = 0; start < items.length; start += BATCH_SIZE) {
      const chunk = items.slice(start, start + BATCH_SIZE);
      const outcomes = await ingestBatch(deps, chunk, ctx, (item) => ingestOne(deps, item, ctx));
      chunk.forEach((item, i) => report(item, outcomes[i] as ItemOutcome));
    }
    return summary;
  }
  for (const item of items) {
    let outcome: ItemOutcome;
    try {
      outcome = await ingestOne(deps, item, ctx);
    } catch (err) {
      outcome = { error: err instanceof Error ? err.message : String(err) };
    }
    report(item, outcome);
  }
  return summary;
}

function recordOutcome(deps: ItemDeps, summary: IngestSummary, item: FeedItem, o: ItemOutcome, ctx: ItemContext): void {
  if (o === "inserted") summary.inserted++;
  else if (o === "duplicate") summary.duplicates++;
  else {
    summary.failed++;
    const label = item.title ? `"${item.title.slice(0, 80)}"` : (item.guid ?? "untitled item");
    pushError(summary, `item ${label}: ${o.error}`);
    deps.logger.warn("ingest item failed", {
      source: ctx.sourceName,
      url: item.url ? redactUrl(item.url) : null,
      error: o.error,
    });
  }
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
export function articleInput(item: FeedItem, analysis: DocumentAnalysis, keys: { url: string | null; guid: string | null }, ctx: ItemContext): ArticleInput {
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

async function ingestOne(deps: ItemDeps, item: FeedItem, ctx: ItemContext): Promise<"inserted" | "duplicate"> {
  const { text, keys } = prepareItem(item, ctx);
  const existing = await deps.articles.findDuplicate(keys);
  if (existing !== null) return "duplicate";
  const analysis = await deps.analyze(analysisInput(item, text));
  const candidates = await deps.articles.storyCandidates(storyAround(deps, item, analysis), STORY_WINDOW_DAYS);
  const storyId = deps.findStory(
    analysis.signature,
    candidates.map((c) => ({ storyId: c.storyId, signature: c.signature })),
  );
  const saved = await deps.articles.saveArticle(articleInput(item, analysis, keys, ctx), analysis, keys.contentHash, storyId);
  return saved.status;
}

/** YYYY-MM-DD of a date, in UTC. */
function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}
