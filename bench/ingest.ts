/**
 * Ingest benchmark: a generated feed through the real ingestor (parse, analyse, dedupe, story grouping,
 * store, full-text index) into a fresh database, against rss-parser's bare parse of the same XML.
 */
import { availableParallelism } from "node:os";
import Parser from "rss-parser";
import { analyzeDocument } from "../src/analysis/analyze.ts";
import { findStory } from "../src/analysis/stories.ts";
import { defaultTaxonomy } from "../src/analysis/taxonomy.ts";
import { analyzerFor } from "../src/app.ts";
import { silentLogger, systemClock } from "../src/core/logger.ts";
import { createAnalysisPool } from "../src/ingest/analysis-pool.ts";
import { createIngestor } from "../src/ingest/pipeline.ts";
import { createStore } from "../src/store/index.ts";
import { generateArticle } from "./text.ts";

/** Result of one ingest run. */
export interface IngestResult {
  items: number;
  inserted: number;
  duplicates: number;
  failed: number;
  seconds: number;
  perSecond: number;
  /**
   * CPU time of the whole process (main thread and analysis workers) per inserted article, in ms: steadier than
   * the rate on a loaded machine.
   */
  cpuMsPerArticle: number;
  /** Bare rss-parser rate on the same XML (items/s), measured just before. */
  parsePerSecond: number;
}

/** Items/s of rss-parser alone on `xml` (best of `runs`). */
export async function bareParseRate(xml: string, runs = 3): Promise<number> {
  let best = 0;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const out = await new Parser().parseString(xml);
    const rate = out.items.length / ((performance.now() - t) / 1000);
    best = Math.max(best, rate);
  }
  return best;
}

/**
 * Articles/s of the French analysis alone, on one thread, on the generated articles of the feed (best of
 * `runs`), and the highest ingest/parse ratio it allows: every core analysing, storage and parsing free.
 */
export function analysisOnlyRate(
  items: number,
  parsePerSecond: number,
  seed = 7,
  runs = 2,
): { perSecond: number; cores: number; ceilingRatio: number } {
  const inputs = Array.from({ length: Math.min(items, 1_000) }, (_, i) => {
    const a = generateArticle(i, seed);
    return { text: a.body, title: a.title, publishedAt: a.published };
  });
  analyzeDocument(inputs[0] ?? { text: "", title: null, publishedAt: null }, { taxonomy: defaultTaxonomy });
  let best = 0;
  for (let r = 0; r < runs; r++) {
    const t = performance.now();
    for (const input of inputs) analyzeDocument(input, { taxonomy: defaultTaxonomy });
    best = Math.max(best, inputs.length / ((performance.now() - t) / 1000));
  }
  const cores = availableParallelism();
  return { perSecond: best, cores, ceilingRatio: (best * cores) / parsePerSecond };
}

/** Ingests `xml` into a fresh store at `url` and times it (migrations excluded). */
export async function benchIngest(
  url: string,
  xml: string,
  parsePerSecond: number,
  opts: { poolSize?: number } = {},
): Promise<IngestResult> {
  const store = await createStore(url, silentLogger);
  // As src/app.ts wires it: the worker pool for big batches, started inside the timed run (its start-up counts).
  const pool = opts.poolSize === 0 ? null : createAnalysisPool({ taxonomy: defaultTaxonomy, size: opts.poolSize });
  const analyze = analyzerFor(defaultTaxonomy);
  try {
    const ingestor = createIngestor({
      sources: store,
      articles: store,
      analyze,
      analyzeMany: pool ? (inputs) => pool.analyzeMany(inputs) : undefined,
      findStory,
      clock: systemClock,
      logger: silentLogger,
    });
    // The analysis modules load lazily (src/app.ts): a one-time cost per process, kept out of the rate like
    // the migrations. The worker pool's start-up is per big import, so it stays inside.
    await analyze({ text: "Astana, le 3 mars 2025 — Réunion à Moscou.", title: null, publishedAt: null });
    const t = performance.now();
    const cpu = process.cpuUsage();
    const s = await ingestor.ingestFeedXml(xml, null);
    const seconds = (performance.now() - t) / 1000;
    const used = process.cpuUsage(cpu);
    return {
      items: s.inserted + s.duplicates + s.failed,
      inserted: s.inserted,
      duplicates: s.duplicates,
      failed: s.failed,
      seconds,
      perSecond: s.inserted / seconds,
      cpuMsPerArticle: (used.user + used.system) / 1000 / s.inserted,
      parsePerSecond,
    };
  } finally {
    await pool?.close();
    await store.close();
  }
}
