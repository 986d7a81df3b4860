/**
 * Batched ingestion of feed items (the store offers findDuplicates + saveBatch): one dedupe query, one story
 * candidate query per stretch of dates, the analyses, then one transaction for the whole batch. Items of the
 * batch can join each other's stories, as they would one by one. If the transaction fails (a concurrent writer
 * stored one of the articles, a bad row), the batch is retried item by item so one bad item never stops it.
 */
import type { DocumentAnalysis } from "../core/analysis-types.ts";
import type { BatchArticle, StoryCandidate } from "../core/store.ts";
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

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** Ingests one batch; returns the outcome of each item, in order. `one` ingests a single item (the fallback). */
export async function ingestBatch(
  deps: ItemDeps,
  items: readonly FeedItem[],
  ctx: ItemContext,
  one: (item: FeedItem) => Promise<"inserted" | "duplicate">,
): Promise<ItemOutcome[]> {
  const store = deps.articles;
  const findDuplicates = store.findDuplicates?.bind(store);
  const saveBatch = store.saveBatch?.bind(store);
  if (!findDuplicates || !saveBatch) throw new Error("the store has no batch methods");
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
  // Duplicates inside the batch count like duplicates of stored articles (first one wins).
  const seen = new Set<string>();
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
  const pending: Pending[] = [];
  for (const p of fresh) {
    const item = items[p.index] as FeedItem;
    try {
      const analysis = await deps.analyze(analysisInput(item, p.text));
      const input = articleInput(item, analysis, p.keys, ctx);
      pending.push({
        index: p.index,
        item,
        keys: { ...input, contentHash: p.keys.contentHash },
        analysis,
        around: storyAround(deps, item, analysis),
      });
    } catch (err) {
      outcomes[p.index] = { error: message(err) };
    }
  }
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
    const candidates = [
      ...stored.filter((c) => near(c.at)).map((c) => ({ storyId: c.storyId, signature: c.signature })),
      ...pending
        .slice(0, k)
        .flatMap((q, j) =>
          near(q.around) ? [{ storyId: batchStory[j] as number, signature: q.analysis.signature }] : [],
        ),
    ];
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
    deps.logger.warn("batch save failed; storing item by item", { items: pending.length, error: message(err) });
    for (const p of pending) {
      try {
        outcomes[p.index] = await one(p.item);
      } catch (e) {
        outcomes[p.index] = { error: message(e) };
      }
    }
  }
  return outcomes;
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
