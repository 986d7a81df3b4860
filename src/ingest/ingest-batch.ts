/**
 * Batched ingestion of feed items (the store offers findDuplicates + saveBatch): one dedupe query, one story
 * candidate query per stretch of dates, the analyses, then one transaction for the whole batch. Items of the
 * batch can join each other's stories, as they would one by one. If the transaction fails (a concurrent writer
 * stored one of the articles, a bad row), the batch is retried item by item so one bad item never stops it.
 */
import type { AnalysisInput, DocumentAnalysis, StorySignature } from "../core/analysis-types.ts";
import { messageOf, StorageFullError } from "../core/errors.ts";
import type { BatchArticle, StoryCandidate } from "../core/store.ts";
import type { AnalysisResult } from "./analysis-pool.ts";
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

/** What happened to one item. */
export type ItemOutcome = "inserted" | "duplicate" | { error: string };

const DAY_MS = 86_400_000;
const WINDOW_MS = STORY_WINDOW_DAYS * DAY_MS;

interface Pending {
  index: number;
  item: FeedItem;
  keys: BatchArticle["input"] & { contentHash: string };
  analysis: DocumentAnalysis;
  around: Date;
}

const message = (err: unknown) => messageOf(err);

/** A batch after dedupe and analysis, ready for story grouping and storage (see {@link storeBatch}). */
export interface AnalyzedBatch {
  items: readonly FeedItem[];
  outcomes: ItemOutcome[];
  pending: Pending[];
}

/** Fresh items below this count are analysed in-process: a worker round trip is not worth it. */
export const MIN_POOL_ITEMS = 16;

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
  const store = deps.articles;
  const findDuplicates = store.findDuplicates?.bind(store);
  if (!findDuplicates || !store.saveBatch) throw new Error("the store has no batch methods");
  const outcomes: ItemOutcome[] = items.map(() => "duplicate");
  const prepared: Array<{ index: number; text: string; keys: ReturnType<typeof prepareItem>["keys"] }> = [];
  items.forEach((item, index) => {
    try {
      prepared.push({ index, ...prepareItem(item, ctx) });
    } catch (err) {
      outcomes[index] = { error: message(err) };
    }
  });
  const existing = await findDuplicates(prepared.map((p) => p.keys));
  // Duplicates inside the batch (or of an earlier batch) count like duplicates of stored articles.
  const fresh = prepared.filter((p, i) => {
    const k = p.keys;
    const marks = [
      `h:${k.contentHash}`,
      ...(k.url ? [`u:${k.url}`] : []),
      ...(k.guid ? [`g:${k.sourceId}|${k.guid}`] : []),
    ];
    if (existing[i] !== null || marks.some((m) => seen.has(m))) return false;
    for (const m of marks) seen.add(m);
    return true;
  });
  const inputs = fresh.map((p) => analysisInput(items[p.index] as FeedItem, p.text));
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
    const input = articleInput(item, analysis, p.keys, ctx);
    pending.push({
      index: p.index,
      item,
      keys: { ...input, contentHash: p.keys.contentHash },
      analysis,
      around: storyAround(deps, item, analysis),
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
      deps.logger.warn("analysis pool failed; analysing in-process", { error: message(err) });
    }
  }
  const out: AnalysisResult[] = [];
  for (const input of inputs) {
    try {
      out.push({ ok: await deps.analyze(input) });
    } catch (err) {
      out.push({ error: message(err) });
    }
  }
  return out;
}

/**
 * Second half of a batch: stored story candidates (one query per run of overlapping windows), story grouping,
 * then one transaction. `one` ingests a single item (the fallback when the transaction fails).
 */
export async function storeBatch(
  deps: ItemDeps,
  analyzed: AnalyzedBatch,
  one: (item: FeedItem) => Promise<"inserted" | "duplicate">,
): Promise<ItemOutcome[]> {
  const { outcomes, pending } = analyzed;
  const saveBatch = deps.articles.saveBatch?.bind(deps.articles);
  if (!saveBatch) throw new Error("the store has no batch methods");
  if (pending.length === 0) return outcomes;
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
    const input = { ...p.keys } as BatchArticle["input"] & { contentHash?: string };
    delete input.contentHash;
    const entry: BatchArticle = { input, analysis: p.analysis, contentHash: p.keys.contentHash, storyId: null };
    if (sid !== null && sid < 0) {
      entry.sameStoryAs = -sid - 1;
      batchStory.push(sid);
    } else {
      entry.storyId = sid;
      batchStory.push(sid ?? -(k + 1));
    }
    batch.push(entry);
  });
  try {
    await saveBatch(batch);
    for (const p of pending) outcomes[p.index] = "inserted";
  } catch (err) {
    // A full database fails every item alike: stop, with the message that names it.
    if (err instanceof StorageFullError) throw err;
    deps.logger.warn("batch save failed; storing item by item", { items: pending.length, error: message(err) });
    for (const p of pending) {
      try {
        outcomes[p.index] = await one(p.item);
      } catch (e) {
        if (e instanceof StorageFullError) throw e;
        outcomes[p.index] = { error: message(e) };
      }
    }
  }
  return outcomes;
}

/** Ingests one batch; returns the outcome of each item, in order. `one` ingests a single item (the fallback). */
export async function ingestBatch(
  deps: ItemDeps,
  items: readonly FeedItem[],
  ctx: ItemContext,
  one: (item: FeedItem) => Promise<"inserted" | "duplicate">,
): Promise<ItemOutcome[]> {
  return storeBatch(deps, await analyzeBatch(deps, items, ctx), one);
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
