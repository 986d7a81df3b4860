/**
 * The analysis worker pool gives the same analyses as the main thread, and a pipelined, pooled ingest of a feed
 * big enough for the pool (MIN_POOL_CALL_ITEMS) stores the same stories, quotes and topics as the in-process
 * batched ingest (itself checked against item-by-item ingestion in test/store/save-batch.test.ts).
 * Invented French articles (bench/text.ts).
 */
import { afterAll, describe, expect, it } from "vitest";
import { generateFeed } from "../../bench/feed.ts";
import { generateArticle } from "../../bench/text.ts";
import { analyzeDocument } from "../../src/analysis/analyze.ts";
import { findStory } from "../../src/analysis/stories.ts";
import { defaultTaxonomy } from "../../src/analysis/taxonomy.ts";
import { analyzerFor } from "../../src/app.ts";
import type { AnalysisInput } from "../../src/core/analysis-types.ts";
import { silentLogger } from "../../src/core/logger.ts";
import type { ArticleStore } from "../../src/core/store.ts";
import { createAnalysisPool } from "../../src/ingest/analysis-pool.ts";
import { MIN_POOL_CALL_ITEMS } from "../../src/ingest/ingest-items.ts";
import { createIngestor } from "../../src/ingest/pipeline.ts";
import { createStore, type Store } from "../../src/store/index.ts";
import { freshDatabase, type TestDatabase } from "../store/backends.ts";

const pool = createAnalysisPool({ size: 2, taxonomy: defaultTaxonomy });
const dbs: TestDatabase[] = [];
const stores: Store[] = [];
afterAll(async () => {
  await pool.close();
  for (const s of stores) await s.close();
  for (const d of dbs) await d.drop();
});

describe("analysis worker pool", () => {
  it("answers each input with what analyzeDocument gives in-process", async () => {
    const inputs: AnalysisInput[] = Array.from({ length: 12 }, (_, i) => {
      const a = generateArticle(i, 3);
      return { text: a.body, title: a.title, publishedAt: a.published };
    });
    inputs.push({ text: "", title: null, publishedAt: null });
    const results = await pool.analyzeMany(inputs);
    expect(results).toHaveLength(inputs.length);
    results.forEach((r, i) => {
      expect(r).toEqual({ ok: analyzeDocument(inputs[i] as AnalysisInput, { taxonomy: defaultTaxonomy }) });
    });
    const quoted = results.flatMap((r) => ("ok" in r ? r.ok.quotes : []));
    expect(quoted.some((q) => q.speaker !== null)).toBe(true);
  });

  it("stores what in-process ingestion stores when batches overlap", async () => {
    const n = MIN_POOL_CALL_ITEMS + 30;
    const xml = generateFeed({ items: n, seed: 11 });
    let pooledCalls = 0;
    const open = async () => {
      const db = await freshDatabase("sqlite");
      dbs.push(db);
      const store = await createStore(db.url, silentLogger);
      stores.push(store);
      return store;
    };
    const pooled = await open();
    const single = await open();
    const ingestor = (store: Store, articles: ArticleStore, withPool: boolean) =>
      createIngestor({
        sources: store,
        articles,
        analyze: analyzerFor(defaultTaxonomy),
        analyzeMany: withPool
          ? (inputs) => {
              pooledCalls++;
              return pool.analyzeMany(inputs);
            }
          : undefined,
        findStory,
        clock: { now: () => new Date("2025-12-01T00:00:00Z") },
        logger: silentLogger,
      });
    const a = await ingestor(pooled, pooled, true).ingestFeedXml(xml, null);
    const b = await ingestor(single, single, false).ingestFeedXml(xml, null);
    expect(pooledCalls).toBeGreaterThan(1);
    expect(a).toMatchObject({ inserted: n, duplicates: 0, failed: 0 });
    expect(b).toMatchObject({ inserted: n, duplicates: 0, failed: 0 });
    const snap = async (s: Store) => ({
      stats: await s.stats(),
      stories: (await s.latest({ limit: 2000 })).map((x) => `${x.title} (${x.articleCount})`).sort(),
      quotes: (await s.quotes({ speaker: "Lavrov", limit: 50 })).map((q) => `${q.speaker}: ${q.text}`).sort(),
      topics: await s.topicCounts(),
    });
    const sa = await snap(pooled);
    expect(sa).toEqual(await snap(single));
    expect(sa.stats).toMatchObject({ articles: n });
    expect(sa.stories.some((st) => !st.endsWith("(1)"))).toBe(true);
    expect(await ingestor(pooled, pooled, true).ingestFeedXml(xml, null)).toMatchObject({
      inserted: 0,
      duplicates: n,
    });
  }, 60_000);
});
