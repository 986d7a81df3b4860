/**
 * The composition root: the one place where the parts are wired from one validated config.
 * - `createApp`: store, analysis, ingestion and the command core (what the CLI needs, src/cli);
 * - `startBot`: all of that plus the demo import, the platform adapters (src/platforms.ts), scheduled delivery
 *   and the feed poller (what `npm start` runs, src/main.ts), each registered on a Lifecycle as soon as it is
 *   opened, so a shutdown at any moment of start-up closes exactly what was opened.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { commands } from "../commands/index.ts";
import { CONSOLE_CHAT } from "./adapters/console/console-chat.ts";
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
import type { PictureRenderer } from "./core/picture.ts";
import type { BotCore, PlatformLimitsTable } from "./core/platform.ts";
import { createAnalysisPool } from "./ingest/analysis-pool.ts";
import { createIngestor, type Ingestor, type ProgressEvent } from "./ingest/pipeline.ts";
import { createProgressReporter, type ProgressStream } from "./ingest/progress.ts";
import type { LookupFn, SafeFetchOptions } from "./ingest/safe-fetch.ts";
import { createSourceAdmin } from "./ingest/source-admin.ts";
import type { Lifecycle } from "./lifecycle.ts";
import { createPictureRenderer } from "./pictures/render.ts";
import {
  createPlatformAdapters,
  type PlatformAdapters,
  platformLimits,
  systemTimeZone,
  type Terminal,
} from "./platforms.ts";
import { type ScheduledDelivery, startScheduledDelivery } from "./schedule/delivery-service.ts";
import { type Poller, startPoller } from "./schedule/poller.ts";
import { createDigestPreviewer } from "./schedule/preview.ts";
import { type Retention, startRetention } from "./schedule/retention.ts";
import { createSourceHealthNotifier, sendVia } from "./schedule/source-health.ts";
import { createStore, type Store } from "./store/index.ts";

export interface App {
  config: Config;
  logger: Logger;
  clock: Clock;
  store: Store;
  taxonomy: Taxonomy;
  /** Every platform's limits by id (src/platforms.ts): digests fit the chat's platform. */
  limits: PlatformLimitsTable;
  core: BotCore;
  ingestor: Ingestor;
  /** Draws charts: for commands (`services.pictures`) and for the charts of scheduled posts. */
  pictures: PictureRenderer;
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
  opts: {
    onProgress?: (p: ProgressEvent) => void;
    /** Name resolution of every fetch (benches and tests map names to 127.0.0.1; the address policy still applies). */
    lookup?: LookupFn;
  } = {},
): Promise<App> {
  const taxonomy = taxonomyFrom(config);
  const store = await createStore(config.DATABASE_URL, logger, {
    // `/search énergie` also finds the articles filed under the topic (exact names and aliases only).
    searchTopicOf: (name) => {
      const r = resolveTopic(name, taxonomy);
      return "slug" in r ? r.slug : null;
    },
  });
  const fetchOptions: SafeFetchOptions = {
    allowHosts: config.FETCH_ALLOW_HOSTS,
    timeoutMs: config.FETCH_TIMEOUT_MS,
    maxBytes: config.FETCH_MAX_BYTES,
    ...(opts.lookup ? { lookup: opts.lookup } : {}),
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
    pollIntervalMs: config.POLL_INTERVAL_MINUTES * 60_000,
    concurrency: config.POLL_CONCURRENCY,
  });
  const topics = topicInfos(taxonomy);
  const limits = platformLimits(config);
  const pictures = createPictureRenderer({ logger: logger.child({ component: "pictures" }) });
  const core = createBotCore({
    commands,
    services: {
      queries: store,
      logger,
      topics,
      resolveTopic: (input) => resolveTopic(input, taxonomy),
      digests: createDigestPreviewer({ store, topics, limits }),
      admin: adminServicesFor({ store, ingestor, taxonomy, clock, fetchOptions }),
      chatLang: (chat) => store.chatLanguage(chat),
      pictures,
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
    limits,
    core,
    ingestor,
    pictures,
    close: async () => {
      await pool.close();
      await store.close();
    },
  };
}

const demoDir = fileURLToPath(new URL("../demo", import.meta.url));

/**
 * First run: an empty archive gets the bundled (invented) demo feeds so every command has something to show.
 * Stops between files once `stopping()` says so.
 */
async function importDemo(app: App, notice: (line: string) => void, stopping: () => boolean): Promise<void> {
  if (!app.config.NEWSBOT_DEMO || !existsSync(demoDir)) return;
  const { articles } = await app.store.stats();
  if (articles > 0) return;
  const files = readdirSync(demoDir).filter((f) => f.endsWith(".xml"));
  notice(`Empty database: importing the demo feeds (${files.length} files, invented articles)…`);
  for (const f of files) {
    if (stopping()) return;
    try {
      const s = await app.ingestor.ingestFile(join(demoDir, f));
      app.logger.info("demo feed imported", { file: f, inserted: s.inserted });
    } catch (err) {
      app.logger.error("demo feed import failed", { file: f, error: err });
    }
  }
}

export interface BotOptions {
  config: Config;
  logger: Logger;
  clock: Clock;
  /** Where everything opened is registered; its `stop()` is the bot's shutdown. */
  lifecycle: Lifecycle;
  /** The terminal of the console chat (it runs only when the config asks for it, see consoleWanted). */
  terminal?: Terminal;
  /** Notices and import progress for the person starting the bot (default stderr). */
  notices?: ProgressStream;
}

/** The running bot, for the entry point (and tests, which drive `delivery.scheduler.tick()` on a fake clock). */
export interface RunningBot extends PlatformAdapters {
  app: App;
  delivery: ScheduledDelivery;
  poller: Poller;
  /** The daily prune of old article bodies; null when ARCHIVE_KEEP_DAYS is unset. */
  retention: Retention | null;
}

/**
 * Starts everything `npm start` runs. Throws StartupAborted when a shutdown interrupted it, PlatformAuthError
 * when a platform refused its token; either way what was opened is closed by `lifecycle.stop()`.
 */
export async function startBot(opts: BotOptions): Promise<RunningBot> {
  const { config, logger, clock, lifecycle } = opts;
  const notices = opts.notices ?? process.stderr;
  const progress = createProgressReporter({ stream: notices, label: "import" });
  const app = await lifecycle.step(() => createApp(config, logger, clock, { onProgress: (p) => progress.update(p) }), {
    name: "database and analysis workers",
    close: (a) => a.close(),
  });
  await lifecycle.step(() =>
    importDemo(
      app,
      (line) => notices.write(`${line}\n`),
      () => lifecycle.stopping,
    ),
  );
  progress.done();

  const platforms = await createPlatformAdapters(config, { core: app.core, logger, terminal: opts.terminal });
  if (platforms.console && !(await app.store.findChat("console", CONSOLE_CHAT.id))) {
    // First use of the terminal chat: its times are this terminal's, not the default Europe/Paris of new chats.
    await app.store.upsertChat(CONSOLE_CHAT, {
      language: config.NEWSBOT_LANG,
      timezone: opts.terminal?.timeZone ?? systemTimeZone(),
    });
  }
  for (const a of platforms.adapters) {
    // Registered before it starts: stopping an adapter also cancels its start (a platform that does not answer).
    lifecycle.onStop(`${a.platform} adapter`, () => a.stop());
    await lifecycle.cancellable(() => a.start());
    logger.info("platform started", { platform: a.platform });
  }

  // Digests, anniversaries and alerts go out through the outbox to every running platform, the terminal
  // included; the first tick catches up on downtime.
  const delivery = await lifecycle.step(
    () =>
      startScheduledDelivery({
        store: app.store,
        adapters: Object.fromEntries(platforms.adapters.map((a) => [a.platform, a])),
        topics: topicInfos(app.taxonomy),
        limits: app.limits,
        clock,
        logger,
        delivery: { concurrency: config.DELIVERY_CONCURRENCY, pictures: app.pictures },
        scheduler: { cron: config.DELIVERY_CRON, sendEmptyDigest: config.DIGEST_SEND_EMPTY },
      }),
    { name: "scheduled delivery", close: (d) => d.stop() },
  );

  // After each poll, the chats that added a failing source are warned before it is disabled, and told when it recovers.
  const health = createSourceHealthNotifier({
    sources: app.store,
    send: sendVia(platforms.adapters),
    langOf: (c) => app.store.chatLanguage(c),
    clock,
    logger,
  });
  const poller = await lifecycle.step(
    async () =>
      startPoller({
        cron: config.POLL_CRON,
        poll: async () => {
          const r = await app.ingestor.pollDue();
          await health.check();
          return r;
        },
        logger,
      }),
    { name: "feed poller", close: (p) => p.stop() },
  );
  void poller.runOnce();
  // ARCHIVE_KEEP_DAYS: old article bodies pruned now and daily (unset: nothing is ever pruned).
  const keepDays = config.ARCHIVE_KEEP_DAYS;
  const retention =
    keepDays === undefined
      ? null
      : await lifecycle.step(
          async () =>
            startRetention({ keepDays, store: app.store, clock, logger: logger.child({ component: "retention" }) }),
          { name: "archive retention", close: (r) => r.stop() },
        );
  void retention?.runOnce();
  return { ...platforms, app, delivery, poller, retention };
}
