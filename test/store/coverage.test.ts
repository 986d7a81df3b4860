/**
 * The store's coverage() query behind /trend: which articles it counts (topic, person named or only quoted, word
 * through the full-text index, publication days inclusive at both ends), and what it says of each (day, story,
 * outlet by title or host, topics), on SQLite and, in the pg suite, PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/core/logger.ts";
import type { CoverageQuery } from "../../src/core/queries.ts";
import { saveArticle } from "../../src/core/store.ts";
import { createStore, type Store } from "../../src/store/index.ts";
import { backends, freshDatabase, type TestDatabase } from "./backends.ts";
import { analysis, hash, input, person, quote } from "./builder.ts";

const tokaiev = person("Kassym-Jomart Tokaïev", ["Tokaïev"], "président kazakh");
const poutine = person("Vladimir Poutine", ["Poutine"], "président russe");

describe.each(backends)("coverage on %s", (backend) => {
  let tdb: TestDatabase;
  let store: Store;
  const story: Record<string, number> = {};
  const day = async (q: Omit<CoverageQuery, "from" | "to"> & Partial<CoverageQuery>) => {
    const data = await store.coverage?.({ from: "2025-01-01", to: "2025-12-31", ...q });
    if (!data) throw new Error("the store has no coverage query");
    return data;
  };
  const days = async (q: Omit<CoverageQuery, "from" | "to"> & Partial<CoverageQuery>) =>
    (await day(q)).articles.map((a) => a.day).sort();

  beforeAll(async () => {
    tdb = await freshDatabase(backend);
    store = await createStore(tdb.url, silentLogger);
    const steppe = await store.addSource({ url: "https://steppe-info.example/rss", title: "Steppe Info" });
    // No title: the outlet is named by its host, without "www.".
    const volga = await store.addSource({ url: "https://www.volga-presse.example/feed" });
    const save = async (
      key: string,
      sourceId: number,
      published: string,
      over: Partial<Parameters<typeof analysis>[0]>,
      storyOf?: string,
    ) => {
      const title = `Article ${key}`;
      const text = over.text ?? `Texte de l'article ${key} sur la relation entre Astana et Moscou.`;
      const r = await saveArticle(store, {
        input: input({
          title,
          sourceId,
          url: `https://exemple.test/${key}`,
          publishedAt: new Date(`${published}T10:00:00Z`),
        }),
        analysis: analysis({ title, text, publishedAt: published, ...over }),
        contentHash: hash(text),
        storyId: storyOf ? (story[storyOf] ?? null) : null,
      });
      story[key] = r.storyId;
    };
    // Poutine is named in the first article (which makes his aliases known), only quoted in "quoted".
    await save("named", steppe.id, "2025-03-03", { topics: ["energie"], people: [tokaiev, poutine] });
    await save(
      "quoted",
      volga.id,
      "2025-03-05",
      {
        topics: ["energie", "diplomatie"],
        quotes: [quote("Le transit du gaz restera stable", "Poutine", 4)],
      },
      "named",
    );
    await save("pipeline", volga.id, "2025-06-30", {
      text: "Le gazoduc traversant la steppe sera prolongé jusqu'à Chymkent.",
      topics: ["transport-logistique"],
    });
    // Outside the year asked: the day before and the day after.
    await save("before", steppe.id, "2024-12-31", { topics: ["energie"], people: [tokaiev] });
    await save("after", steppe.id, "2026-01-01", { topics: ["energie"], people: [tokaiev] });
  });
  afterAll(async () => {
    await store?.close();
    await tdb?.drop();
  });

  it("counts every article published between the two days, both included, with its story, outlet and topics", async () => {
    const data = await day({});
    expect(data.truncated).toBe(false);
    expect(data.articles.map((a) => a.day).sort()).toEqual(["2025-03-03", "2025-03-05", "2025-06-30"]);
    const quoted = data.articles.find((a) => a.day === "2025-03-05");
    expect(quoted).toMatchObject({ storyId: story.named, source: "volga-presse.example" });
    expect(quoted?.topics.sort()).toEqual(["diplomatie", "energie"]);
    expect(data.articles.find((a) => a.day === "2025-03-03")?.source).toBe("Steppe Info");
    // The stories of the counted articles, with their titles, for the peaks' annotations.
    expect(data.stories.map((s) => s.id).sort()).toEqual([story.named, story.pipeline].sort());
    expect(data.stories.find((s) => s.id === story.pipeline)?.title).toBe("Article pipeline");
    expect(await days({ from: "2024-12-31", to: "2026-01-01" })).toEqual([
      "2024-12-31",
      "2025-03-03",
      "2025-03-05",
      "2025-06-30",
      "2026-01-01",
    ]);
    expect(await days({ from: "2025-03-05", to: "2025-03-05" })).toEqual(["2025-03-05"]);
  });

  it("filters by topic", async () => {
    expect(await days({ topic: "energie" })).toEqual(["2025-03-03", "2025-03-05"]);
    expect(await days({ topic: "Transport-Logistique " })).toEqual(["2025-06-30"]);
    expect(await day({ topic: "sport" })).toEqual({ articles: [], stories: [], truncated: false });
  });

  it("counts a person where named or only quoted, by any alias or transliteration", async () => {
    expect(await days({ person: "Putin" })).toEqual(["2025-03-03", "2025-03-05"]);
    expect(await days({ person: "tokayev" })).toEqual(["2025-03-03"]);
    expect(await days({ person: "tokayev", from: "2024-01-01", to: "2026-12-31" })).toEqual([
      "2024-12-31",
      "2025-03-03",
      "2026-01-01",
    ]);
    expect(await day({ person: "Nazarbaïev" })).toEqual({ articles: [], stories: [], truncated: false });
  });

  it("finds a word in titles and bodies, accents and case ignored, combined with the other filters", async () => {
    expect(await days({ keyword: "GAZODUC" })).toEqual(["2025-06-30"]);
    expect(await days({ keyword: "chymkent gazoduc" })).toEqual(["2025-06-30"]);
    expect(await days({ keyword: "relation", topic: "energie" })).toEqual(["2025-03-03", "2025-03-05"]);
    expect(await days({ keyword: "relation", person: "poutine", from: "2025-03-04" })).toEqual(["2025-03-05"]);
    expect(await day({ keyword: "introuvable" })).toEqual({ articles: [], stories: [], truncated: false });
    // Full-text syntax typed by a user is only text.
    expect(await day({ keyword: '"*' })).toEqual({ articles: [], stories: [], truncated: false });
  });
});
