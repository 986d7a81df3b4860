/**
 * The composition root's building blocks, shared by `npm start` (src/main.ts) and the CLI (src/cli):
 * store, analysis, ingestion and the command core, wired from one validated config.
 */
import { readFileSync } from "node:fs";
import { commands } from "../commands/index.ts";
import { detectLanguage } from "./analysis/language.ts";
import { findStory } from "./analysis/stories.ts";
import { defaultTaxonomy, loadTaxonomy, resolveTopic, type Taxonomy } from "./analysis/taxonomy.ts";
import { topicInfos } from "./analysis/topic-info.ts";

export { topicInfos };

import type { Config } from "./config.ts";
import type { AdminServices } from "./core/admin.ts";
import type { AnalysisInput, DocumentAnalysis } from "./core/analysis-types.ts";
import { createBotCore } from "./core/dispatch.ts";
import type { Clock, Logger } from "./core/logger.ts";
import type { BotCore } from "./core/platform.ts";
import { createAnalysisPool } from "./ingest/analysis-pool.ts";
import { createIngestor, type Ingestor, type ProgressEvent } from "./ingest/pipeline.ts";
import type { SafeFetchOptions } from "./ingest/safe-fetch.ts";
import { createSourceAdmin } from "./ingest/source-admin.ts";
import { createDigestPreviewer } from "./schedule/preview.ts";
import { createStore, type Store } from "./store/index.ts";

export interface App {
  config: Config;
  logger: Logger;
  clock: Clock;
  store: Store;
  taxonomy: Taxonomy;
  core: BotCore;
  ingestor: Ingestor;
  close(): Promise<void>;
}

/** Reads the configured taxonomy file, or the default one. */
export function taxonomyFrom(config: Config): Taxonomy {
  if (!config.NEWSBOT_TAXONOMY) return defaultTaxonomy;
  return loadTaxonomy(JSON.parse(readFileSync(config.NEWSBOT_TAXONOMY, "utf8")));
}

/**
 * The analysis function ingestion uses, bound to the taxonomy. The analysis modules (chrono-node's French
 * parsers among them) load on the first call: a bot that only answers commands never needs them.
 */
export function analyzerFor(taxonomy: Taxonomy): (input: AnalysisInput) => Promise<DocumentAnalysis> {
  let analyze: AnalyzeFn | null = null;
  return async (input) => {
    analyze ??= (await import("./analysis/analyze.ts")).analyzeDocument;
    return analyze(input, { taxonomy });
  };
}

type AnalyzeFn = typeof import("./analysis/analyze.ts").analyzeDocument;

/**
 * The services of the admin and subscriber commands (issue 6) over the store: sources (SSRF-safe fetch
 * with `fetchOptions`, seeding), audit, chat settings, subscriptions with filters, curated events.
 */
export function adminServicesFor(deps: {
  store: Store;
  ingestor: Pick<Ingestor, "ingestFeedXml">;
  taxonomy: Taxonomy;
  clock: Clock;
  fetchOptions: SafeFetchOptions;
}): AdminServices {
  const { store, taxonomy } = deps;
  return {
    sources: createSourceAdmin({
      sources: store,
      ingestor: deps.ingestor,
      clock: deps.clock,
      detectLanguage,
      topicOf: (category) => {
        const r = resolveTopic(category, taxonomy);
        return "slug" in r ? r.slug : null;
      },
      fetchOptions: deps.fetchOptions,
    }),
    audit: store.audit,
    settings: store.chatSettings,
    subscriptions: store,
    addCuratedEvent: (e) => store.addCuratedEvent(e),
  };
}

export async function createApp(
  config: Config,
  logger: Logger,
  clock: Clock,
  opts: { onProgress?: (p: ProgressEvent) => void } = {},
): Promise<App> {
  const taxonomy = taxonomyFrom(config);
  const store = await createStore(config.DATABASE_URL, logger);
  const fetchOptions: SafeFetchOptions = {
    allowHosts: config.FETCH_ALLOW_HOSTS,
    timeoutMs: config.FETCH_TIMEOUT_MS,
    maxBytes: config.FETCH_MAX_BYTES,
  };
  // Big imports analyse in worker threads (started on demand, stopped when idle); polls stay in-process.
  const pool = createAnalysisPool({ taxonomy, logger });
  const ingestor = createIngestor({
    sources: store,
    articles: store,
    analyze: analyzerFor(taxonomy),
    analyzeMany: (inputs) => pool.analyzeMany(inputs),
    findStory,
    clock,
    logger: logger.child({ component: "ingest" }),
    fetchOptions,
    onProgress: opts.onProgress,
  });
  const topics = topicInfos(taxonomy);
  const core = createBotCore({
    commands,
    services: {
      queries: store,
      logger,
      topics,
      resolveTopic: (input) => resolveTopic(input, taxonomy),
      digests: createDigestPreviewer({ store, topics }),
      admin: adminServicesFor({ store, ingestor, taxonomy, clock, fetchOptions }),
      chatLang: (chat) => store.chatLanguage(chat),
    },
    logger: logger.child({ component: "commands" }),
    clock,
  });
  return {
    config,
    logger,
    clock,
    store,
    taxonomy,
    core,
    ingestor,
    close: async () => {
      await pool.close();
      await store.close();
    },
  };
}
