import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/core/logger.ts";
import { saveArticle } from "../../src/core/store.ts";
import { createStore, type Store } from "../../src/store/index.ts";
import { backends, freshDatabase, type TestDatabase } from "./backends.ts";
import { analysis, event, hash, input } from "./builder.ts";

// Invented reports of one calendar day (12 March) across years and outlets, merged by the database.
describe.each(backends)("onThisDay on %s", (backend) => {
  let tdb: TestDatabase;
  let store: Store;
  beforeAll(async () => {
    tdb = await freshDatabase(backend);
    store = await createStore(tdb.url, silentLogger);
    const outlets = await Promise.all(
      ["Steppe Info", "Volga Presse", "Irtych Hebdo"].map((title, i) =>
        store.addSource({ url: `https://outlet-${i}.example/rss`, title }),
      ),
    );
    let n = 0;
    const report = async (
      sourceIdx: number | null,
      day: string,
      summary: string,
      topics: string[],
      extra: { other?: string } = {},
    ) => {
      const text = `Rapport ${++n} : ${summary}.`;
      const events = [event(day, "ce jour-là", summary)];
      if (extra.other) events.push(event(extra.other, "un autre jour", `autre fait ${n}`));
      await saveArticle(store, {
        input: input({
          title: `Rapport ${n}`,
          sourceId: sourceIdx === null ? null : (outlets[sourceIdx]?.id ?? null),
          url: `https://example.org/a/${n}`,
        }),
        analysis: analysis({ title: `Rapport ${n}`, text, topics, events }),
        contentHash: hash(text),
        storyId: null,
      });
    };
    // 2015: one outlet. 2019: three reports from two outlets (Volga first). 2022: two outlets, energy only.
    await report(0, "2015-03-12", "accord de coopération douanière", ["economie"]);
    await report(1, "2019-03-12", "sommet de Tachkent", ["diplomatie"], { other: "2019-03-13" });
    await report(0, "2019-03-12", "sommet à Tachkent", ["diplomatie"]);
    await report(1, "2019-03-12", "le sommet", ["diplomatie"]);
    await report(2, "2022-03-12", "nouveau gazoduc", ["energie"]);
    await report(0, "2022-03-12", "gazoduc inauguré", ["energie"]);
    // A local file (no source) and a month-precision event of the same day: neither is a source nor an entry.
    await report(null, "2022-03-12", "gazoduc, copie locale", ["energie"]);
    await saveArticle(store, {
      input: input({ title: "Mois", url: "https://example.org/month" }),
      analysis: analysis({
        title: "Mois",
        text: "Mars 2020.",
        events: [event("2020-03-12", "en mars", "mois entier", { precision: "month", end: "2020-03-31" })],
      }),
      contentHash: hash("Mars 2020."),
      storyId: null,
    });
    // An admin's correction of 2019 wins over the extracted phrases; an admin's event of 2010 has no article.
    await store.addCuratedEvent({
      start: "2019-03-12",
      end: "2019-03-12",
      precision: "day",
      phrase: "le 12 mars 2019",
      summary: "Sommet de Tachkent (corrigé)",
      createdBy: "telegram:1",
    });
    await store.addCuratedEvent({
      start: "2010-03-12",
      end: "2010-03-12",
      precision: "day",
      phrase: "le 12 mars 2010",
      summary: "Premier accord",
      createdBy: "telegram:1",
    });
  });
  afterAll(async () => {
    await store.close();
    await tdb.drop();
  });

  it("one entry per earlier year, most recent first, with its articles, outlets and years ago", async () => {
    const got = await store.onThisDay(3, 12, 2025, 10);
    expect(got.map((a) => [a.entry.start, a.years, a.entry.articleCount])).toEqual([
      ["2022-03-12", 3, 3],
      ["2019-03-12", 6, 3],
      ["2015-03-12", 10, 1],
      ["2010-03-12", 15, 0],
    ]);
    const [y2022, y2019, y2015, y2010] = got;
    // Outlets in the order of their first report; the local file adds none.
    expect(y2022?.entry.sources.map((s) => s.name)).toEqual(["Irtych Hebdo", "Steppe Info"]);
    expect(y2019?.entry.sources.map((s) => s.name)).toEqual(["Volga Presse", "Steppe Info"]);
    expect(y2019?.entry).toMatchObject({ summary: "Sommet de Tachkent (corrigé)", curated: true, precision: "day" });
    // Without a correction, the first report's words.
    expect(y2022?.entry).toMatchObject({ summary: "nouveau gazoduc", phrase: "ce jour-là", curated: false });
    expect(y2015?.entry.sources).toEqual([{ name: "Steppe Info", url: "https://outlet-0.example/rss" }]);
    expect(y2010?.entry).toMatchObject({ summary: "Premier accord", sources: [], curated: true });
  });

  it("keeps the newest entries within the limit, and only years before the given one", async () => {
    expect((await store.onThisDay(3, 12, 2025, 2)).map((a) => a.entry.start)).toEqual(["2022-03-12", "2019-03-12"]);
    expect((await store.onThisDay(3, 12, 2019, 10)).map((a) => a.entry.start)).toEqual(["2015-03-12", "2010-03-12"]);
    expect(await store.onThisDay(3, 12, 2025, 0)).toEqual([]);
    expect(await store.onThisDay(3, 13, 2025, 10)).toHaveLength(1);
    expect(await store.onThisDay(3, 14, 2025, 10)).toEqual([]);
  });

  it("with topics: events of articles in those topics, plus curated events without an article", async () => {
    // The admin's 2019 correction has no article: it belongs to every topic, alone (no 2019 energy report).
    const energy = await store.onThisDay(3, 12, 2025, 10, ["energie"]);
    expect(energy.map((a) => [a.entry.start, a.entry.articleCount])).toEqual([
      ["2022-03-12", 3],
      ["2019-03-12", 0],
      ["2010-03-12", 0],
    ]);
    expect(energy[1]?.entry).toMatchObject({ summary: "Sommet de Tachkent (corrigé)", sources: [] });
    const diplo = await store.onThisDay(3, 12, 2025, 10, ["diplomatie", "diplomatie"]);
    expect(diplo.map((a) => [a.entry.start, a.entry.articleCount])).toEqual([
      ["2019-03-12", 3],
      ["2010-03-12", 0],
    ]);
    expect(diplo[0]?.entry.summary).toBe("Sommet de Tachkent (corrigé)");
    expect((await store.onThisDay(3, 12, 2025, 10, ["inconnu"])).map((a) => a.entry.start)).toEqual([
      "2019-03-12",
      "2010-03-12",
    ]);
  });

  it("treats hostile topic slugs as plain values", async () => {
    const got = await store.onThisDay(3, 12, 2025, 10, ["') OR 1=1 --", "energie"]);
    expect(got.map((a) => a.entry.start)).toEqual(["2022-03-12", "2019-03-12", "2010-03-12"]);
    expect(got[1]?.entry.articleCount).toBe(0);
  });
});
