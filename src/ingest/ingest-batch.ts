/**
 * The one way feed items are stored, a batch at a time (a single article is a batch of one): dedupe keys and one
 * dedupe query, the analyses, story grouping against one candidate query per stretch of dates, then one
 * transaction (ArticleStore.saveBatch). Items of a batch can join each other's stories, as they would one by one.
 * If the transaction fails (a concurrent writer stored one of the articles, a bad row), the batch's articles are
 * saved one at a time (core/store.ts saveArticle), so one bad item never stops the others.
 */
import { createHash } from "node:crypto";
import type { AnalysisInput, DocumentAnalysis, StorySignature } from "../core/analysis-types.ts";
import { messageOf, StorageFullError } from "../core/errors.ts";
import type { Clock, Logger } from "../core/logger.ts";
import {
  type ArticleInput,
  type ArticleStore,
  type BatchArticle,
  type DuplicateKeys,
  type StoryCandidate,
  saveArticle,
} from "../core/store.ts";
import type { AnalysisResult } from "./analysis-pool.ts";
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
  analyzeMany?: (inputs: AnalysisInput[]) => Promise<AnalysisResult[]>;
  findStory: (sig: StorySignature, candidates: Array<{ storyId: number; signature: StorySignature }>) => number | null;
  clock: Clock;
  logger: Logger;
  onProgress?: (p: IngestProgress) => void;
}

/** Context of one ingest call. */
export interface ItemContext {
  sourceId: number | null;
  sourceName?: string;
  baseUrl?: string;
  seeded?: boolean;
}

/** What happened to one item. */
export type ItemOutcome = "inserted" | "duplicate" | { error: string };

const DAY_MS = 86_400_000;
const WINDOW_MS = STORY_WINDOW_DAYS * DAY_MS;

/** Fresh items below this count are analysed in-process: a worker round trip is not worth it. */
export const MIN_POOL_ITEMS = 16;

/** sha256 hex of the text with whitespace collapsed and letters lower-cased (the dedupe key). */
export function contentHash(text: string): string {
  const normal = text.normalize("NFC").replace(/\s+/g, " ").trim().toLowerCase();
  return createHash("sha256").update(normal, "utf8").digest("hex");
}

/** An item past dedupe and analysis, ready for story grouping and storage. */
interface Pending {
  index: number;
  input: ArticleInput;
  contentHash: string;
  analysis: DocumentAnalysis;
  /** The date its story window is centred on. */
  around: Date;
}

/** A batch after dedupe and analysis (see {@link storeBatch}). */
export interface AnalyzedBatch {
  items: readonly FeedItem[];
  outcomes: ItemOutcome[];
  pending: Pending[];
}

/** Dedupe keys and text of a feed item; throws when the item has nothing to store. */
function prepareItem(item: FeedItem, ctx: ItemContext): { text: string; keys: DuplicateKeys } {
  const text = item.content?.trim() || item.summary?.trim() || item.title.trim();
  if (text === "") throw new Error("the item has no title or text");
  const url = tryCanonicalUrl(item.url, ctx.baseUrl);
  const guid = item.guid?.trim() || null;
  return { text, keys: { url, guid, sourceId: ctx.sourceId, contentHash: contentHash(text) } };
}

/** Dedupe marks of a key: an item is a duplicate of an earlier one of the same call when one mark is shared. */
function marksOf(k: DuplicateKeys): string[] {
  const marks = [
    `h:${k.contentHash}`,
    ...(k.url ? [`u:${k.url}`] : []),
    ...(k.guid ? [`g:${k.sourceId}|${k.guid}`] : []),
  ];
  // Copied, not sliced: a URL or guid read from a feed is a slice of the parser's 64 KiB chunk, and `seen` lives
  // as long as the import, so keeping the slice kept the whole chunk — 33 MB of a 33 MB feed by item 12,000.
  return marks.map((m) => Buffer.from(m, "utf8").toString("utf8"));
}

/**
 * First half of a batch: dedupe keys, one dedupe query, then the analyses (in the worker pool when the deps
 * offer one and the batch is big enough, else in-process). `seen` holds the dedupe marks of the earlier
 * batches of the same call, which may not be stored yet when batches overlap (first one wins, as in the store).
 */
export async function analyzeBatch(
  deps: ItemDeps,
  items: readonly FeedItem[],
  ctx: ItemContext,
  seen: Set<string> = new Set(),
  onDeduped?: () => void,
): Promise<AnalyzedBatch> {
  const outcomes: ItemOutcome[] = items.map(() => "duplicate");
  const prepared: Array<{ index: number; text: string; keys: DuplicateKeys }> = [];
  items.forEach((item, index) => {
    try {
      prepared.push({ index, ...prepareItem(item, ctx) });
    } catch (err) {
      outcomes[index] = { error: messageOf(err) };
    }
  });
  const existing = await deps.articles.findDuplicates(prepared.map((p) => p.keys));
  // Duplicates inside the batch (or of an earlier batch) count like duplicates of stored articles.
  const fresh = prepared.filter((p, i) => {
    const marks = marksOf(p.keys);
    if (existing[i] !== null || marks.some((m) => seen.has(m))) return false;
    for (const m of marks) seen.add(m);
    return true;
  });
  const inputs = fresh.map(({ index, text }): AnalysisInput => {
    const published = (items[index] as FeedItem).publishedAt;
    return { text, title: items[index]?.title || null, publishedAt: published ? isoDay(published) : null };
  });
  onDeduped?.();
  const results = await analyzeAll(deps, inputs);
  const pending: Pending[] = [];
  fresh.forEach((p, i) => {
    const item = items[p.index] as FeedItem;
    const r = results[i] as AnalysisResult;
    if ("error" in r) {
      outcomes[p.index] = { error: r.error };
      return;
    }
    const analysis = r.ok;
    const { url, guid } = p.keys;
    pending.push({
      index: p.index,
      input: {
        sourceId: ctx.sourceId,
        url,
        guid,
        title: item.title || analysis.title,
        author: item.author,
        publishedAt: item.publishedAt,
        summary: item.summary,
        ...(ctx.seeded ? { seeded: true } : {}),
      },
      contentHash: p.keys.contentHash,
      analysis,
      around:
        item.publishedAt ??
        (analysis.publishedAt ? new Date(`${analysis.publishedAt}T12:00:00Z`) : null) ??
        deps.clock.now(),
    });
  });
  return { items, outcomes, pending };
}

/** Analyses of the inputs, one result per input; a failing pool falls back to in-process analysis. */
async function analyzeAll(deps: ItemDeps, inputs: AnalysisInput[]): Promise<AnalysisResult[]> {
  if (deps.analyzeMany && inputs.length >= MIN_POOL_ITEMS) {
    try {
      return await deps.analyzeMany(inputs);
    } catch (err) {
      deps.logger.warn("analysis pool failed; analysing in-process", { error: messageOf(err) });
    }
  }
  const out: AnalysisResult[] = [];
  for (const input of inputs) {
    try {
      out.push({ ok: await deps.analyze(input) });
    } catch (err) {
      out.push({ error: messageOf(err) });
    }
  }
  return out;
}

/**
 * Second half of a batch: story grouping, then one transaction. When the transaction fails, each article is
 * grouped again and saved on its own (what the others stored meanwhile counts, duplicates included).
 */
export async function storeBatch(deps: ItemDeps, analyzed: AnalyzedBatch): Promise<ItemOutcome[]> {
  const { outcomes, pending } = analyzed;
  if (pending.length === 0) return outcomes;
  try {
    await deps.articles.saveBatch(await grouped(deps, pending));
    for (const p of pending) outcomes[p.index] = "inserted";
  } catch (err) {
    // A full database fails every item alike: stop, with the message that names it.
    if (err instanceof StorageFullError) throw err;
    deps.logger.warn("batch save failed; storing item by item", { items: pending.length, error: messageOf(err) });
    for (const p of pending) {
      try {
        const [article] = await grouped(deps, [p]);
        outcomes[p.index] = (await saveArticle(deps.articles, article as BatchArticle)).status;
      } catch (e) {
        if (e instanceof StorageFullError) throw e;
        outcomes[p.index] = { error: messageOf(e) };
      }
    }
  }
  return outcomes;
}

/**
 * The articles of a batch with their stories: stored candidates (one query per run of overlapping windows), and
 * the batch's earlier articles, which a later one may join before any of them is stored.
 */
async function grouped(deps: ItemDeps, pending: Pending[]): Promise<BatchArticle[]> {
  const stored = await candidatesFor(
    deps,
    pending.map((p) => p.around),
  );
  const batch: BatchArticle[] = [];
  // Story ids seen by findStory: real ids, or -(k + 1) for the story started by batch item k.
  const batchStory: number[] = [];
  pending.forEach((p, k) => {
    const t = p.around.getTime();
    const near = (at: Date | undefined) => at === undefined || Math.abs(at.getTime() - t) <= WINDOW_MS;
    const candidates: Array<{ storyId: number; signature: StorySignature }> = [];
    for (const c of stored) if (near(c.at)) candidates.push({ storyId: c.storyId, signature: c.signature });
    for (let j = 0; j < k; j++) {
      const q = pending[j] as Pending;
      if (near(q.around)) candidates.push({ storyId: batchStory[j] as number, signature: q.analysis.signature });
    }
    const sid = deps.findStory(p.analysis.signature, candidates);
    const entry: BatchArticle = { input: p.input, analysis: p.analysis, contentHash: p.contentHash, storyId: null };
    if (sid !== null && sid < 0) {
      entry.sameStoryAs = -sid - 1;
      batchStory.push(sid);
    } else {
      entry.storyId = sid;
      batchStory.push(sid ?? -(k + 1));
    }
    batch.push(entry);
  });
  return batch;
}

/** Stored story candidates for all the items' windows: one query per run of overlapping windows. */
async function candidatesFor(deps: ItemDeps, arounds: Date[]): Promise<StoryCandidate[]> {
  const times = arounds.map((d) => d.getTime()).sort((a, b) => a - b);
  const ranges: Array<[number, number]> = [];
  for (const t of times) {
    const last = ranges[ranges.length - 1];
    if (last && t - WINDOW_MS <= last[1]) last[1] = t + WINDOW_MS;
    else ranges.push([t - WINDOW_MS, t + WINDOW_MS]);
  }
  const out: StoryCandidate[] = [];
  for (const [from, to] of ranges) {
    const days = (to - from) / 2 / DAY_MS;
    out.push(...(await deps.articles.storyCandidates(new Date((from + to) / 2), days)));
  }
  return out;
}

/** YYYY-MM-DD of a date, in UTC. */
function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}
