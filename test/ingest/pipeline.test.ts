import { afterEach, describe, expect, it } from "vitest";
import type { AnalysisInput } from "../../src/core/analysis-types.ts";
import { BlockedUrlError } from "../../src/core/errors.ts";
import { silentLogger } from "../../src/core/logger.ts";
import { checkFeed, createIngestor, type IngestorDeps } from "../../src/ingest/pipeline.ts";
import { memoryArticleStore, memorySourceStore } from "../fakes/memory-store.ts";
import { fakeAnalyze, fakeClock, fixture, fixturePath, startServer, type TestServer } from "./helpers.ts";

const MIN = 60_000;
let server: TestServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

function setup(over: Partial<IngestorDeps> = {}) {
  const clock = fakeClock("2024-03-10T12:00:00Z");
  const sources = memorySourceStore(clock.now);
  const articles = memoryArticleStore();
  const analyzed: AnalysisInput[] = [];
  const deps: IngestorDeps = {
    sources,
    articles,
    analyze: (input) => {
      analyzed.push(input);
      return fakeAnalyze(input);
    },
    findStory: () => null,
    clock,
    logger: silentLogger,
    fetchOptions: { allowHosts: ["127.0.0.1"], timeoutMs: 2000 },
    random: () => 0.5,
    ...over,
  };
  return { ingestor: createIngestor(deps), sources, articles, clock, analyzed };
}

describe("ingesting feed items", () => {
  it("stores canonical URLs and is idempotent", async () => {
    const { ingestor, articles, analyzed } = setup();
    const first = await ingestor.ingestFeedXml(fixture("rss-clean.xml"));
    expect(first).toMatchObject({ inserted: 3, duplicates: 0, failed: 0, feedTitle: "Steppe & Volga — Actualités" });
    expect(articles.rows.map((r) => r.input.url)).toEqual([
      "https://steppe-volga.example/articles/irtych-accord",
      "https://steppe-volga.example/articles/corridor-nord-sud",
      "https://steppe-volga.example/articles/forum-petropavl",
    ]);
    // content beats summary; the analysis gets the feed's date
    expect(analyzed[0]?.text).toContain("« C’est une étape importante");
    expect(analyzed[0]?.publishedAt).toBe("2024-03-04");
    const second = await ingestor.ingestFeedXml(fixture("rss-clean.xml"));
    expect(second).toMatchObject({ inserted: 0, duplicates: 3, failed: 0 });
    expect(analyzed).toHaveLength(3);
    expect(articles.rows).toHaveLength(3);
  });

  it("keeps going when the analysis throws on one item", async () => {
    const { ingestor, articles } = setup({
      analyze: (input) => {
        if (input.title?.startsWith("Le corridor")) throw new Error("analyse impossible");
        return fakeAnalyze(input);
      },
    });
    const r = await ingestor.ingestFeedXml(fixture("rss-clean.xml"));
    expect(r).toMatchObject({ inserted: 2, failed: 1 });
    expect(r.errors.join("\n")).toMatch(/Le corridor ferroviaire.*analyse impossible/);
    expect(articles.rows.map((a) => a.input.guid)).toEqual(["sv-1001", "sv-1003"]);
  });

  it("joins an existing story when findStory says so", async () => {
    const { ingestor, articles } = setup({ findStory: (_sig, candidates) => candidates[0]?.storyId ?? null });
    await ingestor.ingestFeedXml(fixture("rss-clean.xml"));
    const stories = new Set(articles.rows.map((a) => a.storyId));
    expect(stories.size).toBe(1);
  });

  it("joins only stories of articles published within seven days", async () => {
    const { ingestor, articles } = setup({ findStory: (_sig, candidates) => candidates[0]?.storyId ?? null });
    const item = (n: number, day: string) =>
      `<item><title>Dépêche ${n}</title><link>https://fenetre.example/${n}</link><pubDate>${day}</pubDate><description>Astana, dépêche ${n} sur le corridor.</description></item>`;
    const feed = (...parts: string[]) =>
      `<rss version="2.0"><channel><title>Fenêtre</title>${parts.join("")}</channel></rss>`;
    await ingestor.ingestFeedXml(
      feed(item(1, "Mon, 04 Mar 2024 09:00:00 GMT"), item(2, "Sun, 10 Mar 2024 09:00:00 GMT")),
    );
    // one at a time too: the stored article's window is the same as a batch neighbour's
    await ingestor.ingestFeedXml(feed(item(3, "Mon, 11 Mar 2024 10:00:00 GMT")));
    await ingestor.ingestFeedXml(feed(item(4, "Wed, 20 Mar 2024 09:00:00 GMT")));
    const story = (n: number) => articles.rows.find((a) => a.input.url === `https://fenetre.example/${n}`)?.storyId;
    expect(story(2)).toBe(story(1));
    expect(story(3)).toBe(story(1));
    expect(story(4)).not.toBe(story(1));
  });

  it("reports progress after every item", async () => {
    const seen: number[] = [];
    const { ingestor } = setup({ onProgress: (p) => seen.push(p.done) });
    await ingestor.ingestFeedXml(fixture("rss-clean.xml"));
    expect(seen).toEqual([1, 2, 3]);
  });
});

describe("ingestSource", () => {
  async function serve(handler: Parameters<typeof startServer>[0]) {
    server = await startServer(handler);
    return server;
  }

  it("uses conditional GET: a 304 records success without parsing", async () => {
    const s = await serve((req, res) => {
      if (req.headers["if-none-match"] === '"v7"') {
        res.writeHead(304);
        res.end();
        return;
      }
      res.writeHead(200, { "content-type": "application/rss+xml", etag: '"v7"' });
      res.end(fixture("rss-clean.xml"));
    });
    const { ingestor, sources, articles, clock } = setup();
    const src = await sources.addSource({ url: `${s.url}/flux.xml` });
    const first = await ingestor.ingestSource(src);
    expect(first).toMatchObject({ inserted: 3, health: "ok" });
    expect(sources.rows[0]).toMatchObject({
      etag: '"v7"',
      title: "Steppe & Volga — Actualités",
      consecutiveFailures: 0,
    });
    clock.advance(20 * MIN);
    const callsBefore = articles.calls.length;
    const second = await ingestor.ingestSource(sources.rows[0] ?? src);
    expect(second.notModified).toBe(true);
    expect(articles.calls.length).toBe(callsBefore);
    expect(sources.rows[0]?.lastSuccessAt).toEqual(clock.now());
    // the window (15 min) minus the jitter (10 % × random 0.5)
    expect(sources.rows[0]?.nextFetchAt).toEqual(new Date(clock.now().getTime() + 14.25 * MIN));
    expect(sources.rows[0]?.etag).toBe('"v7"');
  });

  it("records failures with backoff and leaves stored articles alone", async () => {
    let status = 200;
    const s = await serve((_req, res) => {
      res.writeHead(status, { "content-type": "application/rss+xml" });
      res.end(status === 200 ? fixture("rss-clean.xml") : "erreur");
    });
    const { ingestor, sources, articles, clock } = setup();
    const src = await sources.addSource({ url: `${s.url}/flux.xml` });
    await ingestor.ingestSource(src);
    const stored = articles.rows.length;
    status = 404;
    const r1 = await ingestor.ingestSource(sources.rows[0] ?? src);
    expect(r1).toMatchObject({ fetchFailed: true, health: "failing" });
    expect(sources.rows[0]).toMatchObject({ consecutiveFailures: 1, disabled: false });
    expect(sources.rows[0]?.lastError).toMatch(/404/);
    expect(sources.rows[0]?.nextFetchAt).toEqual(new Date(clock.now().getTime() + 5 * MIN));
    status = 500;
    await ingestor.ingestSource(sources.rows[0] ?? src);
    expect(sources.rows[0]?.consecutiveFailures).toBe(2);
    expect(sources.rows[0]?.lastError).toMatch(/500/);
    expect(sources.rows[0]?.nextFetchAt).toEqual(new Date(clock.now().getTime() + 10 * MIN));
    expect(articles.rows.length).toBe(stored);
  });

  it("disables a source failing for more than a week", async () => {
    const s = await serve((_req, res) => {
      res.writeHead(500);
      res.end();
    });
    const { ingestor, sources, clock } = setup();
    const src = await sources.addSource({ url: `${s.url}/f` });
    const row = sources.rows[0];
    if (!row) throw new Error("no source");
    row.lastSuccessAt = new Date(clock.now().getTime() - 8 * 86_400_000);
    row.consecutiveFailures = 12;
    const r = await ingestor.ingestSource({ ...src, ...row });
    expect(r.health).toBe("disabled");
    expect(sources.rows[0]?.disabled).toBe(true);
  });

  it("records an HTML page in place of the feed as a failure", async () => {
    const s = await serve((_req, res) => {
      res.writeHead(200, { "content-type": "text/html" });
      res.end(fixture("page-with-feed.html"));
    });
    const { ingestor, sources } = setup();
    const src = await sources.addSource({ url: `${s.url}/` });
    const r = await ingestor.ingestSource(src);
    expect(r.fetchFailed).toBe(true);
    expect(sources.rows[0]?.lastError).toMatch(/HTML page.*flux\/actualites\.xml/);
  });

  it("pollDue fetches due sources only and survives a failing one", async () => {
    const s = await serve((req, res) => {
      if (req.url === "/bad") res.writeHead(500).end();
      else res.writeHead(200).end(req.url === "/atom" ? fixture("atom.xml") : fixture("rss-clean.xml"));
    });
    const { ingestor, sources } = setup();
    await sources.addSource({ url: `${s.url}/rss` });
    await sources.addSource({ url: `${s.url}/atom` });
    await sources.addSource({ url: `${s.url}/bad` });
    const paused = await sources.addSource({ url: `${s.url}/paused` });
    await sources.setSourcePaused(paused.id, true);
    const r = await ingestor.pollDue();
    expect(r).toMatchObject({ sources: 3, failedSources: 1, inserted: 5 });
    expect(s.requests.map((q) => q.path).sort()).toEqual(["/atom", "/bad", "/rss"]);
  });
});

describe("ingestUrl, ingestFile and checkFeed", () => {
  it("refuses a blocked URL", async () => {
    const { ingestor } = setup({ fetchOptions: {} });
    await expect(ingestor.ingestUrl("http://169.254.169.254/latest/")).rejects.toBeInstanceOf(BlockedUrlError);
  });

  it("ingests an article file once and a feed file", async () => {
    const { ingestor, articles } = setup();
    expect(await ingestor.ingestFile(fixturePath("visit-article.txt"))).toMatchObject({ inserted: 1 });
    expect(await ingestor.ingestFile(fixturePath("visit-article.txt"))).toMatchObject({ inserted: 0, duplicates: 1 });
    expect(articles.rows[0]?.input).toMatchObject({ sourceId: null, url: null });
    expect(await ingestor.ingestFile(fixturePath("atom.xml"))).toMatchObject({ inserted: 2 });
  });

  it("checkFeed reports items without storing and never throws", async () => {
    server = await startServer((req, res) => {
      if (req.url === "/page") res.writeHead(200).end(fixture("page-with-feed.html"));
      else res.writeHead(200).end(fixture("broken-ampersand.xml"));
    });
    const opts = { fetchOptions: { allowHosts: ["127.0.0.1"] } };
    const ok = await checkFeed(`${server.url}/flux`, opts);
    expect(ok.ok).toBe(true);
    expect(ok.items[0]).toMatchObject({ guid: "io-12", publishedAt: "2024-03-07T10:00:00.000Z" });
    expect(ok.errors.length).toBeGreaterThan(0);
    const page = await checkFeed(`${server.url}/page`, opts);
    expect(page.ok).toBe(false);
    expect(page.errors[0]).toMatch(/HTML page.*\/flux\/actualites\.xml/);
    expect((await checkFeed("http://10.0.0.1/flux")).ok).toBe(false);
    expect((await checkFeed(fixturePath("rdf.xml"))).items).toHaveLength(1);
    expect((await checkFeed(fixturePath("article.txt"))).ok).toBe(false);
    expect((await checkFeed("/nexiste/pas.xml")).ok).toBe(false);
  });
});
