/**
 * Stores feed items (or one local article) in batches (./ingest-batch.ts): canonical URL, content hash, dedupe
 * first (so a re-run is cheap and idempotent), analysis, story grouping, save. One bad item never stops the
 * others; a full database (StorageFullError) stops the ingest, since every later item would fail the same way.
 */

import { gcPacer } from "./gc-pacing.ts";
import {
  type AnalyzedBatch,
  analyzeBatch,
  type ItemContext,
  type ItemDeps,
  type ItemOutcome,
  storeBatch,
} from "./ingest-batch.ts";
import type { FeedItem } from "./parse-feed.ts";
import { redactUrl } from "./url-policy.ts";

export { contentHash, type IngestProgress, type ItemContext, type ItemDeps } from "./ingest-batch.ts";

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
/** Items per batch (one transaction). */
const BATCH_SIZE = 250;
/**
 * Calls with fewer items analyse in-process: starting the worker pool costs ~0.6 s (threads loading the analysis
 * modules), the time the main thread takes to analyse ~1,000 articles itself (0.6 ms each).
 */
export const MIN_POOL_CALL_ITEMS = 1_000;

/** One pacer for every ingest of the process: many small polls grow the heap as one big import does. */
const pace = gcPacer();
/**
 * Heap growth (MiB) between two forced collections: 16 for big calls (a 20,000-item import stays near 300 MB
 * resident), 32 for the small ones polls make: a forced collection of the poller's heap cost ~0.2 s of CPU
 * (10,000 feeds, one 10-minute window: at 16 MB 165 of them, 22.4 ms CPU per poll, peak RSS 216 MB; at 32 MB 98,
 * 20.3 ms, 227 MB; bench/polling.ts).
 */
const BIG_CALL_STEP_MB = 16;
const SMALL_CALL_STEP_MB = 32;

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
 * Stores the items, adding the outcome to `summary`, in batches (./ingest-batch.ts: one dedupe query, one
 * candidate query and one transaction per batch), cut from the stream as they are needed so a big feed is never
 * held whole.
 */
export async function ingestItems(
  deps: ItemDeps,
  items: Iterable<FeedItem>,
  ctx: ItemContext,
  summary: IngestSummary,
  /** For progress when `items` is a stream (./parse-feed.ts openFeed): how many are expected. */
  expected?: number,
): Promise<IngestSummary> {
  let total = Array.isArray(items) ? items.length : (expected ?? 0);
  let done = 0;
  const report = (item: FeedItem, outcome: ItemOutcome) => {
    recordOutcome(deps, summary, item, outcome, ctx);
    done++;
    total = Math.max(total, done);
    deps.onProgress?.({
      done,
      total,
      inserted: summary.inserted,
      duplicates: summary.duplicates,
      failed: summary.failed,
      source: ctx.sourceName,
    });
  };
  // Two batches in flight: while batch k is stored (main thread), batch k+1 is analysed (worker pool).
  // Batch k+1's dedupe query runs before batch k is stored, so `seen` carries the earlier batches' keys.
  const seen = new Set<string>();
  const d: ItemDeps = total >= MIN_POOL_CALL_ITEMS ? deps : { ...deps, analyzeMany: undefined };
  const chunks = batchesOf(items, BATCH_SIZE);
  const first = chunks.next();
  let next: Promise<AnalyzedBatch> | null = first.done ? null : analyzeBatch(d, first.value, ctx, seen);
  while (next) {
    const current = await next;
    const following = chunks.next();
    next = following.done ? null : (await startAnalysis(d, following.value, ctx, seen)).batch;
    const outcomes = await storeBatch(d, current).catch((err: unknown) => {
      next?.catch(() => {}); // the next batch's analysis is abandoned with this ingest
      throw err;
    });
    for (const [i, item] of current.items.entries()) report(item, outcomes[i] as ItemOutcome);
    pace(total >= MIN_POOL_CALL_ITEMS ? BIG_CALL_STEP_MB : SMALL_CALL_STEP_MB);
  }
  return summary;
}

function* batchesOf(items: Iterable<FeedItem>, size: number): Generator<FeedItem[]> {
  let batch: FeedItem[] = [];
  for (const item of items) {
    batch.push(item);
    if (batch.length === size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/**
 * Starts the next batch's dedupe and analysis; resolves once its dedupe query is done and the analysis is
 * under way, so the caller's store transaction never runs at the same time as the dedupe query.
 */
async function startAnalysis(
  deps: ItemDeps,
  items: readonly FeedItem[],
  ctx: ItemContext,
  seen: Set<string>,
): Promise<{ batch: Promise<AnalyzedBatch> }> {
  let deduped!: () => void;
  const dedupeDone = new Promise<void>((r) => {
    deduped = r;
  });
  const batch = analyzeBatch(deps, items, ctx, seen, deduped);
  // An early failure (the dedupe query) must surface when the batch is awaited, not here.
  await Promise.race([dedupeDone, batch.catch(() => undefined)]);
  return { batch };
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
