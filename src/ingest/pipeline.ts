/**
 * The ingestor: fetches feeds (conditional GET, backoff and health recorded on the source), parses them
 * leniently and stores new items. Also ingests local files and raw feed XML. Never deletes articles.
 */
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { AnalysisInput, DocumentAnalysis, StorySignature } from "../core/analysis-types.ts";
import { FeedFetchError, FeedParseError, messageOf, NewsbotError, StorageFullError } from "../core/errors.ts";
import type { Clock, Logger } from "../core/logger.ts";
import { cacheMaxAge, nextPollDelay, type PollHints, rememberedInterval, retryAfterMs } from "../core/poll-schedule.ts";
import { failingSince, type HealthState, healthState, nextFetchDelay, shouldDisable } from "../core/source-health.ts";
import type { ArticleStore, SourceRecord, SourceStore } from "../core/store.ts";
import { readArticleFile } from "./article-file.ts";
import { feedPollHints } from "./feed-hints.ts";
import type { ItemContext, ItemDeps } from "./ingest-batch.ts";
import { emptySummary, type IngestProgress, type IngestSummary, ingestItems, pushError } from "./ingest-items.ts";
import { type FeedStream, openFeed } from "./parse-feed.ts";
import { type PollSummary, pollDueSources } from "./poll-due.ts";
import { type FetchFn, type SafeFetchOptions, safeFetch } from "./safe-fetch.ts";
import { redactUrl } from "./url-policy.ts";

export { checkFeed, type FeedCheck } from "./check-feed.ts";
export type { IngestProgress, IngestSummary } from "./ingest-items.ts";
export type { PollSummary } from "./poll-due.ts";
/** Alias of IngestProgress (the name src/app.ts imports). */
export type ProgressEvent = IngestProgress;

export interface IngestorDeps {
  sources: SourceStore;
  articles: ArticleStore;
  analyze: (input: AnalysisInput) => DocumentAnalysis | Promise<DocumentAnalysis>;
  /** Optional batch analysis (the worker pool, see ./analysis-pool.ts), used for big batches. */
  analyzeMany?: ItemDeps["analyzeMany"];
  findStory: (sig: StorySignature, candidates: Array<{ storyId: number; signature: StorySignature }>) => number | null;
  /** Defaults to safeFetch. */
  fetch?: FetchFn;
  /** Passed to every fetch (allowlist, caps, timeouts, lookup). */
  fetchOptions?: SafeFetchOptions;
  clock: Clock;
  logger: Logger;
  onProgress?: (p: IngestProgress) => void;
  /** Delay between two fetches of a healthy source (default 15 minutes). */
  pollIntervalMs?: number;
  /** Feeds fetched at once by pollDue (clamped to 1–64, default 8); never more than 2 per host. */
  concurrency?: number;
  /**
   * How long a claimed feed stays off other processes' polls, renewed while its poll lasts (default: 2 min, or
   * 4 fetch timeouts if longer): also how soon a crashed process's feeds are taken over.
   */
  pollLeaseMs?: number;
  /** Jitter source for backoff (tests pass a constant). */
  random?: () => number;
  /** Size cap of local files (default: `fetchOptions.maxBytes`, the same cap as downloads). */
  maxFileBytes?: number;
}

/** Outcome of a source fetch: the ingest summary plus the source's health afterwards. */
export interface SourceIngestSummary extends IngestSummary {
  sourceId: number;
  health: HealthState;
}

export interface Ingestor {
  /** Fetches and ingests a feed URL. Throws BlockedUrlError, FeedFetchError or FeedParseError. */
  ingestUrl(
    url: string,
    opts?: { sourceId?: number | null; etag?: string | null; lastModified?: string | null },
  ): Promise<IngestSummary>;
  /**
   * Fetches a stored source with its validators and records success or failure; does not throw on fetch/parse
   * errors. `dueAt`: the due time a poll's claim replaced (after a restart, it tells the interval the feed
   * asked for last).
   */
  ingestSource(source: SourceRecord & { dueAt?: Date | null }): Promise<SourceIngestSummary>;
  /** Ingests a local feed file or article file (text or HTML). Throws UserInputError / FeedParseError. */
  ingestFile(path: string): Promise<IngestSummary>;
  /** Ingests feed XML already in memory. */
  ingestFeedXml(
    xml: string,
    source?: Pick<SourceRecord, "id" | "url" | "title"> | null,
    opts?: { seeded?: boolean },
  ): Promise<IngestSummary>;
  /** Fetches every due source, a few at a time. */
  pollDue(): Promise<PollSummary>;
}

const DEFAULT_POLL_MS = 15 * 60_000;
/** Requests at once to one host (host:port), whatever the concurrency. */
const PER_HOST = 2;

/** Builds the ingestor over the given stores and analysis functions. */
export function createIngestor(deps: IngestorDeps): Ingestor {
  const fetchFn = deps.fetch ?? safeFetch;
  const pollMs = deps.pollIntervalMs ?? DEFAULT_POLL_MS;
  // ttl / sy:updatePeriod of each feed's last full answer, for the 304s that follow (re-learned after a restart)
  const feedHintsOf = new Map<number, PollHints>();
  const concurrency = Math.max(1, Math.min(64, Math.floor(deps.concurrency ?? 8)));

  async function fetchAndIngest(
    url: string,
    opts: { sourceId?: number | null; etag?: string | null; lastModified?: string | null; sourceName?: string },
  ) {
    const res = await fetchFn(url, {
      ...deps.fetchOptions,
      etag: opts.etag,
      lastModified: opts.lastModified,
      logger: deps.logger,
    });
    if (res.status === 304) {
      return {
        summary: { ...emptySummary(), notModified: true },
        etag: opts.etag ?? null,
        lastModified: opts.lastModified ?? null,
        hints: { maxAgeSeconds: cacheMaxAge(res.cacheControl) },
      };
    }
    const feed = openFeed(res.body, res.finalUrl);
    const summary = await ingestStream(feed, {
      sourceId: opts.sourceId ?? null,
      sourceName: opts.sourceName,
      baseUrl: res.finalUrl,
    });
    if (feed.errors.length > 0) deps.logger.warn("feed recovered", { url: redactUrl(url), errors: feed.errors });
    const hints: PollHints = { ...feedPollHints(res.body), maxAgeSeconds: cacheMaxAge(res.cacheControl) };
    return { summary, etag: res.etag, lastModified: res.lastModified, hints };
  }

  async function ingestSource(source: SourceRecord & { dueAt?: Date | null }): Promise<SourceIngestSummary> {
    const name = source.title ?? redactUrl(source.url);
    const log = deps.logger.child({ sourceId: source.id });
    try {
      const { summary, etag, lastModified, hints } = await fetchAndIngest(source.url, {
        sourceId: source.id,
        etag: source.etag,
        lastModified: source.lastModified,
        sourceName: name,
      });
      // a 304 has no body: the feed's ttl / sy:updatePeriod are those it declared last time (before a
      // restart: the interval they made the last poll schedule)
      const feedHints = summary.notModified
        ? (feedHintsOf.get(source.id) ?? { rememberedMs: rememberedInterval(pollMs, source) })
        : hints;
      if (!summary.notModified) feedHintsOf.set(source.id, { ...hints, maxAgeSeconds: null });
      const at = deps.clock.now();
      const delay = nextPollDelay(pollMs, { ...feedHints, maxAgeSeconds: hints.maxAgeSeconds }, 0.1, deps.random);
      await deps.sources.recordFetchSuccess(source.id, {
        at,
        etag,
        lastModified,
        title: summary.feedTitle,
        nextFetchAt: new Date(at.getTime() + delay),
      });
      log.info("source fetched", {
        notModified: summary.notModified ?? false,
        inserted: summary.inserted,
        duplicates: summary.duplicates,
        failed: summary.failed,
      });
      return { ...summary, sourceId: source.id, health: "ok" };
    } catch (err) {
      // Not the source's fault, and nothing could be recorded on it anyway.
      if (err instanceof StorageFullError) throw err;
      if (!(err instanceof NewsbotError)) log.error("unexpected ingest error", { error: String(err) });
      const message = messageOf(err);
      const at = deps.clock.now();
      const failures = source.consecutiveFailures + 1;
      // a 429 / 503 with Retry-After: not before the server asked, whatever the backoff says
      const asked = err instanceof FeedFetchError ? retryAfterMs(err.retryAfter, at) : null;
      const delay = Math.max(nextFetchDelay(failures, undefined, undefined, 0.1, deps.random), asked ?? 0);
      const disable = shouldDisable(failures, failingSince(source), at);
      const updated = await deps.sources.recordFetchFailure(source.id, {
        at,
        error: message,
        reason: err instanceof FeedFetchError || err instanceof FeedParseError ? err.reason : null,
        nextFetchAt: new Date(at.getTime() + delay),
        disable,
      });
      const health = healthState(updated, at);
      log.warn("source fetch failed", { error: message, failures, health, url: redactUrl(source.url) });
      return { ...emptySummary(), errors: [message], fetchFailed: true, sourceId: source.id, health };
    }
  }

  async function ingestFeedXml(
    xml: string,
    source?: Pick<SourceRecord, "id" | "url" | "title"> | null,
    opts: { seeded?: boolean } = {},
  ) {
    const base = source?.url && /^https?:/i.test(source.url) ? source.url : undefined;
    return ingestStream(openFeed(xml, base), {
      sourceId: source?.id ?? null,
      sourceName: source?.title ?? undefined,
      baseUrl: base,
      seeded: opts.seeded,
    });
  }

  /** Stores a feed's items as they are parsed; parse notes (recoveries, skipped parts) go to the summary. */
  async function ingestStream(feed: FeedStream, ctx: ItemContext, items = feed.items): Promise<IngestSummary> {
    const summary = emptySummary(null);
    await ingestItems(deps, items, ctx, summary, feed.expectedItems);
    summary.feedTitle = feed.title;
    // parse notes first: they explain the item failures that may follow
    const itemErrors = summary.errors.splice(0);
    for (const e of [...feed.errors, ...itemErrors]) pushError(summary, e);
    return summary;
  }

  async function ingestFile(path: string): Promise<IngestSummary> {
    // one size limit for files and downloads: FETCH_MAX_BYTES unless a caller sets its own
    const file = await readArticleFile(path, { maxBytes: deps.maxFileBytes ?? deps.fetchOptions?.maxBytes });
    if (file.kind === "feed") {
      // A feed file becomes a source of its own so stories count it as an outlet; file: sources are
      // never polled (dueSources only returns http(s) sources). Its title is known once the feed is read.
      const feed = openFeed(file.text);
      // read up to the first item before creating the source: a document with nothing to read leaves no trace
      const items = peeked(feed.items);
      const source = await deps.sources.addSource({ url: pathToFileURL(resolve(path)).href, title: feed.title });
      const summary = await ingestStream(feed, { sourceId: source.id, sourceName: path }, items);
      await deps.sources.recordFetchSuccess(source.id, {
        at: deps.clock.now(),
        etag: null,
        lastModified: null,
        title: summary.feedTitle,
        nextFetchAt: deps.clock.now(),
      });
      return summary;
    }
    const summary = emptySummary(null);
    const item = {
      title: file.title,
      url: null,
      guid: null,
      publishedAt: null,
      author: null,
      summary: null,
      content: file.text,
    };
    return ingestItems(deps, [item], { sourceId: null, sourceName: path }, summary);
  }

  const pollDue = () =>
    pollDueSources({
      sources: deps.sources,
      clock: deps.clock,
      logger: deps.logger,
      ingestSource,
      concurrency,
      perHost: PER_HOST,
      leaseMs: deps.pollLeaseMs ?? Math.max(2 * 60_000, 4 * (deps.fetchOptions?.timeoutMs ?? 15_000)),
      maxRunMs: pollMs,
    });

  return {
    ingestUrl: async (url, opts = {}) => (await fetchAndIngest(url, opts)).summary,
    ingestSource,
    ingestFile,
    ingestFeedXml,
    pollDue,
  };
}

/** The same items, the first one already read (so parse errors before it surface now). */
function peeked<T>(items: Iterable<T>): Iterable<T> {
  const it = items[Symbol.iterator]();
  const first = it.next();
  return {
    *[Symbol.iterator]() {
      if (first.done) return;
      yield first.value;
      for (let r = it.next(); !r.done; r = it.next()) yield r.value;
    },
  };
}
