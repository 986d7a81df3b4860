import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/core/logger.ts";
import { saveArticle } from "../../src/core/store.ts";
import { createStore, type Store } from "../../src/store/index.ts";
import { backends, freshDatabase, type TestDatabase } from "./backends.ts";
import { analysis, event, hash, input } from "./builder.ts";

// A timeline from a date shows what overlaps it: the months, years and periods that began before it and last into
// it are found apart from the events that start in it (an index on precision and start), with the same result.
describe.each(backends)("timeline from a date on %s", (backend) => {
  let tdb: TestDatabase;
  let store: Store;
  const save = async (title: string, topics: string[], events: ReturnType<typeof event>[]) => {
    const text = `${title}.`;
    await saveArticle(store, {
      input: input({ title }),
      analysis: analysis({ title, text, publishedAt: "2024-01-15", topics, events }),
      contentHash: hash(text),
      storyId: null,
    });
  };
  beforeAll(async () => {
    tdb = await freshDatabase(backend);
    store = await createStore(tdb.url, silentLogger);
    await save(
      "Bilan énergétique de l'hiver",
      ["energie"],
      [
        event("2023-12-01", "en décembre 2023", "pic de consommation", { end: "2023-12-31", precision: "month" }),
        event("2023-11-20", "du 20 novembre au 10 janvier", "grève des mineurs", {
          end: "2024-01-10",
          precision: "period",
        }),
        event("2022-12-16", "du 16 décembre 2022 au 16 décembre 2023", "plan d'économies", {
          end: "2023-12-16",
          precision: "period",
        }),
        event("2023-01-01", "en 2023", "année record", { end: "2023-12-31", precision: "year" }),
        event("2023-11-01", "en novembre 2023", "premiers froids", { end: "2023-11-30", precision: "month" }),
        event("2022-12-15", "du 15 décembre 2022 au 14 décembre 2023", "ancien tarif", {
          end: "2023-12-14",
          precision: "period",
        }),
        event("2023-12-10", "le 10 décembre", "panne à Almaty"),
        event("2023-12-20", "le 20 décembre", "accord tarifaire"),
        event("2024-01-05", "le 5 janvier", "reprise des livraisons"),
      ],
    );
    await save(
      "Sommet de décembre",
      ["diplomatie"],
      [
        event("2023-12-01", "en décembre 2023", "présidence tournante", { end: "2023-12-31", precision: "month" }),
        event("2023-12-18", "le 18 décembre", "sommet à Astana"),
      ],
    );
  });
  afterAll(async () => {
    await store?.close();
    await tdb?.drop();
  });

  const summaries = async (q: Parameters<Store["timeline"]>[0]) =>
    (await store.timeline(q)).map((e) => `${e.start} ${e.summary}`);

  it("keeps the month, year and periods that began before the range and last into it, not those that ended", async () => {
    expect(await summaries({ topic: "energie", from: "2023-12-15", to: "2023-12-31", limit: 20 })).toEqual([
      "2022-12-16 plan d'économies",
      "2023-01-01 année record",
      "2023-11-20 grève des mineurs",
      "2023-12-01 pic de consommation",
      "2023-12-20 accord tarifaire",
    ]);
    // Without a topic the other article's day is there too, and its December merges with the first one's.
    const all = await store.timeline({ from: "2023-12-15", to: "2023-12-31", limit: 20 });
    expect(all.map((e) => e.start)).toEqual([
      "2022-12-16",
      "2023-01-01",
      "2023-11-20",
      "2023-12-01",
      "2023-12-18",
      "2023-12-20",
    ]);
    expect(all[3]).toMatchObject({ end: "2023-12-31", precision: "month", articleCount: 2 });
    // With a limit, the earliest entries.
    expect(await summaries({ topic: "energie", from: "2023-12-15", limit: 2 })).toEqual([
      "2022-12-16 plan d'économies",
      "2023-01-01 année record",
    ]);
    expect(await summaries({ topic: "energie", from: "2023-12-15", limit: 5 })).toHaveLength(5);
  });

  it("reads a month or year as its first day on", async () => {
    expect(await summaries({ topic: "energie", from: "2024", to: "2024", limit: 20 })).toEqual([
      "2023-11-20 grève des mineurs",
      "2024-01-05 reprise des livraisons",
    ]);
    expect(await summaries({ topic: "energie", from: "2023-12", to: "2023-12", limit: 20 })).toEqual([
      "2022-12-15 ancien tarif",
      "2022-12-16 plan d'économies",
      "2023-01-01 année record",
      "2023-11-20 grève des mineurs",
      "2023-12-01 pic de consommation",
      "2023-12-10 panne à Almaty",
      "2023-12-20 accord tarifaire",
    ]);
  });

  it("refuses an event longer than its precision allows (timelines rely on it)", async () => {
    await expect(
      store.addCuratedEvent({
        start: "2020-01-01",
        end: "2023-12-31",
        precision: "period",
        phrase: "de 2020 à 2023",
        summary: "quatre ans de travaux",
        createdBy: "telegram:1",
      }),
    ).rejects.toThrow(RangeError);
    expect(await summaries({ keyword: "travaux", limit: 20 })).toEqual([]);
  });
});
