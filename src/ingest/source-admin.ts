/**
 * Source management behind /addsource, /sources, /removesource, /pausesource, /resumesource and OPML:
 * a new feed is fetched through safeFetch (SSRF rules, size/time/redirect caps), parsed, previewed, stored,
 * and its history ingested as *seeded* articles (archived, never posted as news).
 */
import type { AddSourceResult, FeedPreview, OpmlImportResult, SourceAdmin } from "../core/admin.ts";
import { UserInputError } from "../core/errors.ts";
import type { Clock } from "../core/logger.ts";
import type { SourceRecord, SourceStore } from "../core/store.ts";
import { buildOpml, isFeedUrl, parseOpml } from "./opml.ts";
import { type ParsedFeed, parseFeed } from "./parse-feed.ts";
import type { Ingestor } from "./pipeline.ts";
import { type FetchFn, type SafeFetchOptions, safeFetch } from "./safe-fetch.ts";

/** What the OPML import needs from storage (one transaction). */
export interface SourceImporter {
  importSources(
    entries: Array<{ url: string; title: string | null; topics: string[] }>,
    addedBy: string | null,
    nextFetchAt?: Date | null,
  ): Promise<OpmlImportResult>;
  /** Un-pauses and re-enables a source, due at once. */
  resumeSource(id: number): Promise<void>;
}

export interface SourceAdminDeps {
  sources: SourceStore & SourceImporter;
  ingestor: Pick<Ingestor, "ingestFeedXml">;
  clock: Clock;
  /** ISO 639-1 code of a text, "und" when unsure (src/analysis/language.ts). */
  detectLanguage: (text: string) => string;
  /** Maps an OPML category to a topic slug, or null. */
  topicOf: (category: string) => string | null;
  /** Defaults to safeFetch; tests may inject. */
  fetch?: FetchFn;
  /** Allowlist, caps and timeouts (from config). */
  fetchOptions?: SafeFetchOptions;
  /** Delay before the poller fetches a just-added source again (default 15 minutes). */
  pollIntervalMs?: number;
  /** Largest OPML file accepted, in characters (default 1 MB). */
  maxOpmlChars?: number;
}

const PREVIEW_ITEMS = 3;

/** The preview shown by /addsource: newest items, detected language, parser warnings. */
export function feedPreview(feed: ParsedFeed, finalUrl: string, detect: (text: string) => string): FeedPreview {
  const items = [...feed.items].sort(
    (a, b) =>
      (b.publishedAt?.getTime() ?? Number.NEGATIVE_INFINITY) - (a.publishedAt?.getTime() ?? Number.NEGATIVE_INFINITY),
  );
  const sample = feed.items
    .slice(0, 20)
    .map((i) => `${i.title}. ${i.summary ?? i.content ?? ""}`)
    .join("\n")
    .slice(0, 4000);
  const lang = sample.trim() ? detect(sample) : "und";
  return {
    finalUrl,
    title: feed.title,
    language: lang === "und" ? null : lang,
    newest: items
      .slice(0, PREVIEW_ITEMS)
      .map((i) => ({ title: i.title || "(sans titre)", url: i.url, publishedAt: i.publishedAt })),
    itemCount: feed.items.length,
    warnings: feed.errors,
  };
}

/** Builds the SourceAdmin service. */
export function createSourceAdmin(deps: SourceAdminDeps): SourceAdmin {
  const fetchFn = deps.fetch ?? safeFetch;
  const pollMs = deps.pollIntervalMs ?? 15 * 60_000;
  const maxOpml = deps.maxOpmlChars ?? 1_000_000;

  async function add(url: string, opts: { topics: string[]; addedBy: string | null }): Promise<AddSourceResult> {
    const existing = await deps.sources.findSourceByUrl(url);
    if (existing) return { status: "exists", source: existing };
    const res = await fetchFn(url, deps.fetchOptions ?? {});
    if (res.status === 304) throw new Error("unexpected 304 without validators");
    const feed = await parseFeed(res.body, res.finalUrl);
    const preview = feedPreview(feed, res.finalUrl, deps.detectLanguage);
    const at = deps.clock.now();
    const next = new Date(at.getTime() + pollMs);
    const source = await deps.sources.addSource({
      url,
      title: feed.title,
      language: preview.language,
      topics: opts.topics,
      addedBy: opts.addedBy,
      // Not due before the seeding below is done: the poller must not post these items as news.
      nextFetchAt: next,
    });
    const summary = await deps.ingestor.ingestFeedXml(res.body, source, { seeded: true });
    await deps.sources.recordFetchSuccess(source.id, {
      at,
      etag: res.etag,
      lastModified: res.lastModified,
      title: feed.title,
      nextFetchAt: next,
    });
    const stored = (await deps.sources.getSource(source.id)) ?? source;
    return { status: "added", source: stored, preview, seeded: summary.inserted };
  }

  async function find(ref: string): Promise<SourceRecord | null> {
    const r = ref.trim();
    if (/^#?\d{1,9}$/.test(r)) return deps.sources.getSource(Number(r.replace("#", "")));
    return deps.sources.findSourceByUrl(r);
  }

  return {
    add,
    list: () => deps.sources.listSources(),
    find,
    remove: (id) => deps.sources.removeSource(id),
    setPaused: (id, paused) => (paused ? deps.sources.setSourcePaused(id, true) : deps.sources.resumeSource(id)),
    async exportOpml() {
      const list = await deps.sources.listSources();
      const xml = buildOpml(
        list.map((s) => ({ url: s.url, title: s.title, topics: s.topics })),
        { now: deps.clock.now() },
      );
      const feeds = list.filter((s) => isFeedUrl(s.url)).length;
      return { xml, feeds, localFiles: list.length - feeds };
    },
    async importOpml(xml, addedBy) {
      if (xml.length > maxOpml) throw new UserInputError(`the OPML file is too large (limit ${maxOpml} characters)`);
      const entries = parseOpml(xml).map((e) => ({
        url: e.url,
        title: e.title,
        topics: [...new Set(e.categories.map(deps.topicOf).filter((x): x is string => x !== null))],
      }));
      return deps.sources.importSources(entries, addedBy, null);
    },
  };
}
