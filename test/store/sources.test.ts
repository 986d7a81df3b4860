import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/core/logger.ts";
import { saveArticle } from "../../src/core/store.ts";
import { createStore, type Store } from "../../src/store/index.ts";
import { backends, freshDatabase, type TestDatabase } from "./backends.ts";
import { analysis, hash, input } from "./builder.ts";

describe.each(backends)("SourceStore on %s", (backend) => {
  let tdb: TestDatabase;
  let store: Store;
  beforeAll(async () => {
    tdb = await freshDatabase(backend);
    store = await createStore(tdb.url, silentLogger);
  });
  afterAll(async () => {
    await store?.close();
    await tdb?.drop();
  });

  it("adds a source once per URL and reads it back", async () => {
    const a = await store.addSource({
      url: "https://astana-matin.example/rss",
      topics: ["diplomatie", "energie"],
      addedBy: "telegram:-100123",
    });
    expect(a).toMatchObject({
      url: "https://astana-matin.example/rss",
      title: null,
      topics: ["diplomatie", "energie"],
      addedBy: "telegram:-100123",
      consecutiveFailures: 0,
      paused: false,
      disabled: false,
      nextFetchAt: null,
    });
    const again = await store.addSource({ url: "https://astana-matin.example/rss", title: "Autre" });
    expect(again.id).toBe(a.id);
    expect(await store.getSource(a.id)).toEqual(a);
    expect(await store.findSourceByUrl("https://astana-matin.example/rss")).toEqual(a);
    expect(await store.getSource(987654)).toBeNull();
    const [x, y] = await Promise.all([
      store.addSource({ url: "https://moscou-soir.example/feed" }),
      store.addSource({ url: "https://moscou-soir.example/feed" }),
    ]);
    expect(x.id).toBe(y.id);
    expect((await store.listSources()).map((s) => s.url)).toEqual([
      "https://astana-matin.example/rss",
      "https://moscou-soir.example/feed",
    ]);
  });

  it("records fetch success and failure; the feed title never overrides an admin's", async () => {
    const s = await store.addSource({ url: "https://almaty-hebdo.example/rss" });
    const t0 = new Date("2025-06-01T10:00:00Z");
    const next = new Date("2025-06-01T10:30:00Z");
    await store.recordFetchSuccess(s.id, {
      at: t0,
      etag: '"abc"',
      lastModified: "Sun, 01 Jun 2025 09:00:00 GMT",
      title: "Almaty Hebdo",
      nextFetchAt: next,
    });
    let r = await store.getSource(s.id);
    expect(r).toMatchObject({
      etag: '"abc"',
      title: "Almaty Hebdo",
      lastSuccessAt: t0,
      lastFetchAt: t0,
      nextFetchAt: next,
    });
    await store.recordFetchSuccess(s.id, {
      at: t0,
      etag: null,
      lastModified: null,
      title: "Nouveau titre",
      nextFetchAt: next,
    });
    expect((await store.getSource(s.id))?.title).toBe("Almaty Hebdo");
    const f1 = await store.recordFetchFailure(s.id, {
      at: next,
      error: "HTTP 503",
      nextFetchAt: new Date("2025-06-01T11:00:00Z"),
      disable: false,
    });
    expect(f1).toMatchObject({ consecutiveFailures: 1, lastError: "HTTP 503", disabled: false, lastSuccessAt: t0 });
    const f2 = await store.recordFetchFailure(s.id, { at: next, error: "timeout", nextFetchAt: next, disable: true });
    expect(f2).toMatchObject({ consecutiveFailures: 2, lastError: "timeout", disabled: true });
    await store.recordFetchSuccess(s.id, { at: next, etag: null, lastModified: null, nextFetchAt: next });
    r = await store.getSource(s.id);
    expect(r).toMatchObject({ consecutiveFailures: 0, lastError: null });
  });

  it("dueSources: skips paused, disabled and future sources", async () => {
    const now = new Date("2025-07-01T12:00:00Z");
    const due = await store.addSource({ url: "https://due.example/rss" });
    await store.recordFetchSuccess(due.id, {
      at: now,
      etag: null,
      lastModified: null,
      nextFetchAt: new Date("2025-07-01T11:59:00Z"),
    });
    const later = await store.addSource({ url: "https://later.example/rss" });
    await store.recordFetchSuccess(later.id, {
      at: now,
      etag: null,
      lastModified: null,
      nextFetchAt: new Date("2025-07-01T13:00:00Z"),
    });
    const paused = await store.addSource({ url: "https://paused.example/rss" });
    await store.setSourcePaused(paused.id, true);
    const urls = (await store.dueSources(now)).map((s) => s.url);
    expect(urls).toContain("https://due.example/rss");
    expect(urls).toContain("https://astana-matin.example/rss");
    expect(urls).not.toContain("https://later.example/rss");
    expect(urls).not.toContain("https://paused.example/rss");
    expect(urls).not.toContain("https://almaty-hebdo.example/rss");
    await store.setSourcePaused(paused.id, false);
    expect((await store.dueSources(now)).map((s) => s.url)).toContain("https://paused.example/rss");
  });

  it("removes a source but keeps its articles", async () => {
    const s = await store.addSource({ url: "https://ephemere.example/rss", title: "Éphémère" });
    const text = "Un article sur la coopération ferroviaire entre Kostanaï et Tcheliabinsk.";
    const a = analysis({ title: "Coopération ferroviaire", text });
    await saveArticle(store, {
      input: input({ title: a.title, sourceId: s.id, url: "https://ephemere.example/1" }),
      analysis: a,
      contentHash: hash(text),
      storyId: null,
    });
    expect(await store.removeSource(s.id)).toBe(true);
    expect(await store.removeSource(s.id)).toBe(false);
    expect(await store.getSource(s.id)).toBeNull();
    expect((await store.search("ferroviaire", 5)).map((h) => h.title)).toEqual(["Coopération ferroviaire"]);
    expect((await store.search("ferroviaire", 5))[0]?.source).toBeNull();
  });

  it("imports OPML entries in one transaction: a failure stores none of them", async () => {
    const before = await store.listSources();
    const entries = [
      { url: "https://import-a.example/rss", title: "A", topics: [] },
      { url: "https://import-b.example/rss", title: "B", topics: ["energie"] },
    ];
    const broken = [...entries, { url: "https://import-c.example/rss", topics: [], title: 42 as unknown as string }];
    await expect(store.importSources(broken, "cli")).rejects.toThrow();
    expect(await store.listSources()).toEqual(before);
    expect(await store.importSources(entries, "cli")).toEqual({ added: 2, existing: 0 });
    expect(await store.importSources(entries, "cli")).toEqual({ added: 0, existing: 2 });
  });
});
