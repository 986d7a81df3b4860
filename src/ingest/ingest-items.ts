/**
 * Stores a batch of feed items (or one local article): canonical URL, content hash, dedupe first (so a
 * re-run is cheap and idempotent), analysis, story grouping, save. One bad item never stops the batch.
 */
import { createHash } from "node:crypto";
import type { AnalysisInput, DocumentAnalysis, StorySignature } from "../core/analysis-types.ts";
import type { Clock, Logger } from "../core/logger.ts";
import type { ArticleStore } from "../core/store.ts";
import { tryCanonicalUrl } from "./canonical-url.ts";
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
const STORY_WINDOW_DAYS = 7;

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

/** Stores the items one by one, adding the outcome to `summary`. */
export async function ingestItems(
  deps: ItemDeps,
  items: readonly FeedItem[],
  ctx: { sourceId: number | null; sourceName?: string; baseUrl?: string; seeded?: boolean },
  summary: IngestSummary,
): Promise<IngestSummary> {
  const total = items.length;
  let done = 0;
  for (const item of items) {
    try {
      const status = await ingestOne(deps, item, ctx);
      if (status === "inserted") summary.inserted++;
      else summary.duplicates++;
    } catch (err) {
      summary.failed++;
      const msg = err instanceof Error ? err.message : String(err);
      const label = item.title ? `"${item.title.slice(0, 80)}"` : (item.guid ?? "untitled item");
      pushError(summary, `item ${label}: ${msg}`);
      deps.logger.warn("ingest item failed", {
        source: ctx.sourceName,
        url: item.url ? redactUrl(item.url) : null,
        error: msg,
      });
    }
    done++;
    deps.onProgress?.({
      done,
      total,
      inserted: summary.inserted,
      duplicates: summary.duplicates,
      failed: summary.failed,
      source: ctx.sourceName,
    });
  }
  return summary;
}

async function ingestOne(
  deps: ItemDeps,
  item: FeedItem,
  ctx: { sourceId: number | null; baseUrl?: string; seeded?: boolean },
): Promise<"inserted" | "duplicate"> {
  const text = item.content?.trim() || item.summary?.trim() || item.title.trim();
  if (text === "") throw new Error("the item has no title or text");
  const url = tryCanonicalUrl(item.url, ctx.baseUrl);
  const guid = item.guid?.trim() || null;
  const hash = contentHash(text);
  const existing = await deps.articles.findDuplicate({ url, guid, sourceId: ctx.sourceId, contentHash: hash });
  if (existing !== null) return "duplicate";
  const analysis = await deps.analyze({
    text,
    title: item.title || null,
    publishedAt: item.publishedAt ? isoDay(item.publishedAt) : null,
  });
  const around =
    item.publishedAt ??
    (analysis.publishedAt ? new Date(`${analysis.publishedAt}T12:00:00Z`) : null) ??
    deps.clock.now();
  const candidates = await deps.articles.storyCandidates(around, STORY_WINDOW_DAYS);
  const storyId = deps.findStory(
    analysis.signature,
    candidates.map((c) => ({ storyId: c.storyId, signature: c.signature })),
  );
  const saved = await deps.articles.saveArticle(
    {
      sourceId: ctx.sourceId,
      url,
      guid,
      title: item.title || analysis.title,
      author: item.author,
      publishedAt: item.publishedAt,
      summary: item.summary,
      ...(ctx.seeded ? { seeded: true } : {}),
    },
    analysis,
    hash,
    storyId,
  );
  return saved.status;
}

/** YYYY-MM-DD of a date, in UTC. */
function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}
