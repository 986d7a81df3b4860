import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/core/logger.ts";
import { saveArticle } from "../../src/core/store.ts";
import { createStore, type Store } from "../../src/store/index.ts";
import { backends, freshDatabase, type TestDatabase } from "./backends.ts";
import { analysis, event, hash, input, person, quote } from "./builder.ts";

const tokaiev = person("Kassym-Jomart Tokaïev", ["M. Tokaïev"], "président kazakh");

function gasDeal(n: number) {
  const text = `Astana et Moscou signent l'accord gazier numéro ${n}. Kassym-Jomart Tokaïev salue « un partenariat durable ${n} ».`;
  return {
    text,
    analysis: analysis({
      title: `Accord gazier ${n} entre Astana et Moscou`,
      text,
      publishedAt: "2025-03-14",
      topics: ["energie", "diplomatie"],
      people: [tokaiev],
      quotes: [quote(`un partenariat durable ${n}`, "Kassym-Jomart Tokaïev", 60)],
      events: [event("2025-03-13", "le 13 mars", `signature de l'accord ${n}`)],
    }),
  };
}

describe.each(backends)("ArticleStore on %s", (backend) => {
  let tdb: TestDatabase;
  let store: Store;
  let sourceA: number;
  let sourceB: number;
  beforeAll(async () => {
    tdb = await freshDatabase(backend);
    store = await createStore(tdb.url, silentLogger);
    sourceA = (await store.addSource({ url: "https://steppe-info.example/rss", title: "Steppe Info" })).id;
    sourceB = (await store.addSource({ url: "https://volga-presse.example/feed", title: "Volga Presse" })).id;
  });
  afterAll(async () => {
    await store?.close();
    await tdb?.drop();
  });

  it("stores an article with its quotes, people, events, topics and a new story", async () => {
    const { text, analysis: a } = gasDeal(1);
    const r = await saveArticle(store, {
      input: input({ title: a.title, sourceId: sourceA, url: "https://steppe-info.example/a/1", guid: "g-1" }),
      analysis: a,
      contentHash: hash(text),
      storyId: null,
    });
    expect(r.status).toBe("inserted");
    const q = await store.quotes({ speaker: "tokayev", limit: 10 });
    expect(q.map((x) => x.text)).toContain("un partenariat durable 1");
    expect(q[0]?.speaker).toBe("Kassym-Jomart Tokaïev");
    expect((await store.topicCounts()).map((t) => t.slug).sort()).toEqual(["diplomatie", "energie"]);
    const lines = await store.latest({ limit: 5 });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ storyId: r.storyId, sourceCount: 1, articleCount: 1 });
  });

  it("returns duplicate for the same URL, the same (source, guid) or the same content hash, touching nothing", async () => {
    const { text, analysis: a } = gasDeal(2);
    const first = await saveArticle(store, {
      input: input({ title: a.title, sourceId: sourceA, url: "https://steppe-info.example/a/2", guid: "g-2" }),
      analysis: a,
      contentHash: hash(text),
      storyId: null,
    });
    expect(first.status).toBe("inserted");
    const before = await store.stats();
    const byUrl = await saveArticle(store, {
      input: input({ title: "autre titre", sourceId: sourceB, url: "https://steppe-info.example/a/2", guid: "x" }),
      analysis: a,
      contentHash: hash("other text 1"),
      storyId: null,
    });
    const byGuid = await saveArticle(store, {
      input: input({
        title: "autre titre",
        sourceId: sourceA,
        url: "https://steppe-info.example/a/2-bis",
        guid: "g-2",
      }),
      analysis: a,
      contentHash: hash("other text 2"),
      storyId: null,
    });
    const byHash = await saveArticle(store, {
      input: input({ title: "autre titre", sourceId: sourceB, url: "https://volga-presse.example/z", guid: "zz" }),
      analysis: a,
      contentHash: hash(text),
      storyId: null,
    });
    for (const r of [byUrl, byGuid, byHash]) {
      expect(r).toEqual({ status: "duplicate", articleId: first.articleId, storyId: first.storyId });
    }
    expect(await store.stats()).toEqual(before);
    expect(
      await store.findDuplicates([
        { url: null, guid: "g-2", sourceId: sourceA, contentHash: hash("unrelated") },
        { url: null, guid: "g-2", sourceId: sourceB, contentHash: hash("u2") },
      ]),
    ).toEqual([{ articleId: first.articleId, storyId: first.storyId }, null]);
  });

  it("attaches an article to an existing story and updates its counts", async () => {
    const { text, analysis: a } = gasDeal(3);
    const first = await saveArticle(store, {
      input: input({ title: a.title, sourceId: sourceA, url: "https://steppe-info.example/a/3" }),
      analysis: a,
      contentHash: hash(text),
      storyId: null,
    });
    const other = gasDeal(4);
    const second = await saveArticle(store, {
      input: input({
        title: "Moscou et Astana: le gaz",
        sourceId: sourceB,
        url: "https://volga-presse.example/3",
        publishedAt: new Date("2025-03-16T09:00:00Z"),
      }),
      analysis: other.analysis,
      contentHash: hash(other.text),
      storyId: first.storyId,
    });
    expect(second).toMatchObject({ status: "inserted", storyId: first.storyId });
    const line = (await store.latest({ limit: 10 })).find((l) => l.storyId === first.storyId);
    expect(line).toMatchObject({ articleCount: 2, sourceCount: 2, title: "Accord gazier 3 entre Astana et Moscou" });
    expect(line?.sources.map((s) => s.name).sort()).toEqual(["Steppe Info", "Volga Presse"]);
    expect(line?.publishedAt?.toISOString()).toBe("2025-03-16T09:00:00.000Z");
  });

  it("creates a new story when the given story id does not exist", async () => {
    const { text, analysis: a } = gasDeal(5);
    const r = await saveArticle(store, {
      input: input({ title: a.title }),
      analysis: a,
      contentHash: hash(text),
      storyId: 999_999,
    });
    expect(r.status).toBe("inserted");
    expect(r.storyId).not.toBe(999_999);
  });

  it("lists story candidates around a date with their signatures", async () => {
    const c = await store.storyCandidates(new Date("2025-03-15T00:00:00Z"), 3);
    expect(c.length).toBeGreaterThanOrEqual(3);
    expect(c[0]?.signature.people).toEqual([tokaiev.key]);
    expect(await store.storyCandidates(new Date("2020-01-01T00:00:00Z"), 3)).toEqual([]);
  });

  it("stores one row when the same article is saved concurrently", async () => {
    const { text, analysis: a } = gasDeal(6);
    const art = input({ title: a.title, sourceId: sourceA, url: "https://steppe-info.example/a/6", guid: "g-6" });
    const before = (await store.stats()).articles;
    const results = await Promise.all(
      [1, 2, 3].map(() => saveArticle(store, { input: art, analysis: a, contentHash: hash(text), storyId: null })),
    );
    expect(results.filter((r) => r.status === "inserted")).toHaveLength(1);
    expect(new Set(results.map((r) => r.articleId)).size).toBe(1);
    expect((await store.stats()).articles).toBe(before + 1);
  });

  it.runIf(backend === "postgresql")("stores one row when two processes save the same article at once", async () => {
    const other = await createStore(tdb.url, silentLogger);
    try {
      for (let n = 7; n < 12; n++) {
        const { text, analysis: a } = gasDeal(n);
        const art = input({
          title: a.title,
          sourceId: sourceB,
          url: `https://volga-presse.example/c/${n}`,
          guid: `c${n}`,
        });
        const before = await store.stats();
        const [r1, r2] = await Promise.all([
          saveArticle(store, { input: art, analysis: a, contentHash: hash(text), storyId: null }),
          saveArticle(other, { input: art, analysis: a, contentHash: hash(text), storyId: null }),
        ]);
        expect([r1.status, r2.status].sort()).toEqual(["duplicate", "inserted"]);
        expect(r1.articleId).toBe(r2.articleId);
        const after = await store.stats();
        expect(after.articles).toBe(before.articles + 1);
        expect(after.stories).toBe(before.stories + 1);
        expect(after.quotes).toBe(before.quotes + 1);
      }
    } finally {
      await other.close();
    }
  });
});
