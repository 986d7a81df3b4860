/**
 * Stores a batch of feed items (or one local article): canonical URL, content hash, dedupe first (so a
 * re-run is cheap and idempotent), analysis, story grouping, save. One bad item never stops the batch.
 */
import { type ItemOutcome, ingestBatch } from "./ingest-batch.ts";
import {
  analysisInput,
  articleInput,
  type ItemContext,
  type ItemDeps,
  prepareItem,
  STORY_WINDOW_DAYS,
  storyAround,
} from "./ingest-item.ts";
import type { FeedItem } from "./parse-feed.ts";

export { contentHash, type IngestProgress, type ItemContext, type ItemDeps } from "./ingest-item.ts";

import { redactUrl } from "./url-policy.ts";

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

/** Keeps error lists readable when a whole feed is broken. */
const MAX_ERRORS = 50;
/** Items per batch (one transaction) when the store supports batches. */
const BATCH_SIZE = 100;

/** Empty summary to add counts to. */
export function emptySummary(feedTitle: string | null = null): IngestSummary {
  return { inserted: 0, duplicates: 0, failed: 0, errors: [], feedTitle };
}

/** Appends an error, up to the cap. */
export function pushError(summary: IngestSummary, message: string): void {
  if (summary.errors.length < MAX_ERRORS) summary.errors.push(message);
  else if (summary.errors.length === MAX_ERRORS) summary.errors.push("(more errors not shown)");
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
      for (const [i, item] of chunk.entries()) report(item, outcomes[i] as ItemOutcome);
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
  const saved = await deps.articles.saveArticle(
    articleInput(item, analysis, keys, ctx),
    analysis,
    keys.contentHash,
    storyId,
  );
  return saved.status;
}
