import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/core/logger.ts";
import { saveArticle } from "../../src/core/store.ts";
import { createStore, type Store } from "../../src/store/index.ts";
import { backends, freshDatabase, type TestDatabase } from "./backends.ts";
import { analysis, event, hash, input, person, quote } from "./builder.ts";

const tokaiev = person("Kassym-Jomart Tokaïev", ["Tokaïev", "M. Tokaïev"], "président kazakh");
const poutine = person("Vladimir Poutine", ["Poutine"], "président russe");
const lavrov = person("Sergueï Lavrov", ["Lavrov"], "ministre russe des Affaires étrangères");

describe.each(backends)("NewsQueries on %s", (backend) => {
  let tdb: TestDatabase;
  let store: Store;
  let story1 = 0;
  let story2 = 0;
  beforeAll(async () => {
    tdb = await freshDatabase(backend);
    store = await createStore(tdb.url, silentLogger);
    const steppe = await store.addSource({ url: "https://steppe-info.example/rss", title: "Steppe Info" });
    const volga = await store.addSource({ url: "https://volga-presse.example/feed", title: "Volga Presse" });
    const visitText = "Vladimir Poutine s'est rendu à Astana le 27 novembre 2024 pour une visite d'État.";
    const visit = analysis({
      title: "Visite d'État de Poutine à Astana",
      text: visitText,
      publishedAt: "2024-11-28",
      topics: ["diplomatie"],
      people: [tokaiev, poutine],
      quotes: [
        quote("Nos relations sont celles d'alliés éprouvés", "Vladimir Poutine", 10),
        quote("Le Kazakhstan mène une politique étrangère équilibrée", "Kassym-Jomart Tokaïev", 40),
      ],
      events: [
        event("2024-11-27", "le 27 novembre", "visite d'État de Vladimir Poutine à Astana"),
        event("1994-03-29", "le 29 mars 1994", "premier discours sur l'Union eurasiatique"),
      ],
    });
    const r1 = await saveArticle(store, {
      input: input({ title: visit.title, sourceId: steppe.id, url: "https://steppe-info.example/visite" }),
      analysis: visit,
      contentHash: hash(visitText),
      storyId: null,
    });
    story1 = r1.storyId;
    const echoText = "Selon Moscou, la visite du 27 novembre à Astana a renforcé le partenariat.";
    const echo = analysis({
      title: "Moscou salue la visite à Astana",
      text: echoText,
      publishedAt: "2024-11-29",
      topics: ["diplomatie", "economie"],
      people: [poutine],
      quotes: [quote("Un partenariat stratégique et fiable", "Poutine", 5)],
      events: [event("2024-11-27", "le 27 novembre", "visite de Poutine au Kazakhstan")],
    });
    await saveArticle(store, {
      input: input({ title: echo.title, sourceId: volga.id, url: "https://volga-presse.example/visite" }),
      analysis: echo,
      contentHash: hash(echoText),
      storyId: story1,
    });
    const gasText = "Sergueï Lavrov a évoqué le transit du gaz russe vers l'Ouzbékistan via le Kazakhstan.";
    const gas = analysis({
      title: "Transit gazier : Lavrov à Almaty",
      text: gasText,
      publishedAt: "2025-02-10",
      topics: ["energie"],
      people: [lavrov],
      quotes: [quote("Le transit gazier est une priorité commune", "Sergueï Lavrov", 3)],
      events: [
        event("2025-02-10", "le 10 février", "réunion sur le transit gazier à Almaty"),
        event("2025-02-01", "en février 2025", "hausse des volumes de transit", {
          end: "2025-02-28",
          precision: "month",
        }),
      ],
    });
    const r3 = await saveArticle(store, {
      input: input({ title: gas.title, sourceId: volga.id, url: "https://volga-presse.example/gaz" }),
      analysis: gas,
      contentHash: hash(gasText),
      storyId: null,
    });
    story2 = r3.storyId;
    const declText = "La Déclaration commune affirme que « les frontières sont inviolables ».";
    await saveArticle(store, {
      input: input({ title: "Texte de la déclaration commune" }),
      analysis: analysis({
        title: "Texte de la déclaration commune",
        text: declText,
        publishedAt: "2024-11-27",
        quotes: [quote("les frontières sont inviolables", "la Déclaration", 20)],
      }),
      contentHash: hash(declText),
      storyId: story1,
    });
    await store.addCuratedEvent({
      start: "2024-11-27",
      end: "2024-11-27",
      precision: "day",
      phrase: "27 novembre 2024",
      summary: "Visite d'État de Vladimir Poutine au Kazakhstan (corrigé)",
      createdBy: "telegram:1",
    });
    await store.addCuratedEvent({
      start: "2014-05-29",
      end: "2014-05-29",
      precision: "day",
      phrase: "29 mai 2014",
      summary: "Signature du traité sur l'Union économique eurasiatique à Astana",
      createdBy: "telegram:1",
    });
  });
  afterAll(async () => {
    await store?.close();
    await tdb?.drop();
  });

  it("latest: one line per story, newest first, with sources and topics", async () => {
    const lines = await store.latest({ limit: 10 });
    expect(lines.map((l) => l.storyId)).toEqual([story2, story1]);
    const visit = lines[1];
    // The earliest report has no link: the line shows the linked report's own title, never a mix of both.
    expect(visit).toMatchObject({
      title: "Visite d'État de Poutine à Astana",
      articleCount: 3,
      sourceCount: 3,
      topics: ["diplomatie", "economie"],
    });
    expect(visit?.url).toBe("https://steppe-info.example/visite");
    expect(visit?.sources.map((s) => s.name)).toEqual(["Steppe Info", "Volga Presse"]);
    expect((await store.latest({ limit: 1, offset: 1 })).map((l) => l.storyId)).toEqual([story1]);
  });

  it("latest: filters by topic and by source id, URL or title", async () => {
    expect((await store.latest({ limit: 10, topic: "energie" })).map((l) => l.storyId)).toEqual([story2]);
    expect((await store.latest({ limit: 10, topic: "sport" })).length).toBe(0);
    expect((await store.latest({ limit: 10, source: "steppe" })).map((l) => l.storyId)).toEqual([story1]);
    expect((await store.latest({ limit: 10, source: "VOLGA" })).map((l) => l.storyId)).toEqual([story2, story1]);
    const steppe = await store.findSourceByUrl("https://steppe-info.example/rss");
    expect((await store.latest({ limit: 10, source: String(steppe?.id) })).map((l) => l.storyId)).toEqual([story1]);
    expect((await store.latest({ limit: 10, source: "https://steppe-info.example/rss" })).length).toBe(1);
    expect(await store.latest({ limit: 10, source: "inconnu" })).toEqual([]);
  });

  it.each(["tokayev", "Tokaïev", "M. Tokaev", "kassym-jomart tokaiev"])("quotes: speaker %j", async (speaker) => {
    const q = await store.quotes({ speaker, limit: 10 });
    expect(q.map((x) => x.text)).toEqual(["Le Kazakhstan mène une politique étrangère équilibrée"]);
    expect(q[0]).toMatchObject({ speaker: "Kassym-Jomart Tokaïev", url: "https://steppe-info.example/visite" });
  });

  it("quotes: all quotes of a speaker across articles, by alias or transliteration", async () => {
    const q = await store.quotes({ speaker: "Putin", limit: 10 });
    expect(q.map((x) => x.text)).toEqual([
      "Un partenariat stratégique et fiable",
      "Nos relations sont celles d'alliés éprouvés",
    ]);
    expect(q.every((x) => x.speaker === "Vladimir Poutine")).toBe(true);
    expect((await store.quotes({ speaker: "Sergei Lavrov", limit: 10 })).length).toBe(1);
    expect((await store.quotes({ speaker: "déclaration", limit: 10 })).map((x) => x.speaker)).toEqual([
      "la Déclaration",
    ]);
    expect(await store.quotes({ speaker: "Nazarbaïev", limit: 10 })).toEqual([]);
  });

  it("quotes: keyword without accents, combined filters, limit and random", async () => {
    expect((await store.quotes({ keyword: "EQUILIBREE", limit: 10 })).length).toBe(1);
    expect((await store.quotes({ keyword: "partenariat", speaker: "poutine", limit: 10 })).length).toBe(1);
    expect((await store.quotes({ keyword: "partenariat", speaker: "lavrov", limit: 10 })).length).toBe(0);
    expect((await store.quotes({ keyword: "%", limit: 10 })).length).toBe(0);
    expect((await store.quotes({ limit: 2 })).length).toBe(2);
    const random = await store.quotes({ random: true, limit: 3 });
    expect(random.length).toBe(3);
    expect(new Set(random.map((r) => r.id)).size).toBe(3);
  });

  it("quoteDays: the publication days of a speaker's quotes, by any alias, newest first", async () => {
    const none = { days: [], undated: 0, truncated: false };
    expect(await store.quoteDays?.("Putin")).toEqual({
      days: ["2024-11-29", "2024-11-28"],
      undated: 0,
      truncated: false,
    });
    expect(await store.quoteDays?.("M. Tokaev")).toEqual({ days: ["2024-11-28"], undated: 0, truncated: false });
    expect(await store.quoteDays?.("déclaration")).toEqual({ days: ["2024-11-27"], undated: 0, truncated: false });
    expect(await store.quoteDays?.("Nazarbaïev")).toEqual(none);
    expect(await store.quoteDays?.("  ")).toEqual(none);
  });

  it("timeline: merges the same date across articles, curated text wins, sorted by date", async () => {
    const t = await store.timeline({ limit: 20 });
    expect(t.map((e) => e.start)).toEqual(["1994-03-29", "2014-05-29", "2024-11-27", "2025-02-01", "2025-02-10"]);
    const visit = t.find((e) => e.start === "2024-11-27");
    expect(visit).toMatchObject({
      curated: true,
      summary: "Visite d'État de Vladimir Poutine au Kazakhstan (corrigé)",
      articleCount: 2,
      precision: "day",
    });
    expect(visit?.sources.map((s) => s.name).sort()).toEqual(["Steppe Info", "Volga Presse"]);
    expect(t.find((e) => e.start === "2025-02-01")).toMatchObject({ end: "2025-02-28", precision: "month" });
  });

  it("timeline: filters by topic, person, keyword and date range", async () => {
    const starts = async (q: Parameters<Store["timeline"]>[0]) => (await store.timeline(q)).map((e) => e.start);
    expect(await starts({ limit: 20, topic: "energie" })).toEqual(["2025-02-01", "2025-02-10"]);
    expect(await starts({ limit: 20, person: "lavrov" })).toEqual(["2025-02-01", "2025-02-10"]);
    expect(await starts({ limit: 20, person: "tokayev" })).toEqual(["1994-03-29", "2024-11-27"]);
    expect(await starts({ limit: 20, keyword: "eurasiatique" })).toEqual(["1994-03-29", "2014-05-29"]);
    expect(await starts({ limit: 20, from: "2024-01-01", to: "2025-02-05" })).toEqual(["2024-11-27", "2025-02-01"]);
    expect(await starts({ limit: 20, to: "2014" })).toEqual(["1994-03-29", "2014-05-29"]);
    // Without `from`: the most recent events, still oldest first; with it: the earliest from that day.
    expect(await starts({ limit: 2 })).toEqual(["2025-02-01", "2025-02-10"]);
    expect(await starts({ limit: 2, from: "1990-01-01" })).toEqual(["1994-03-29", "2014-05-29"]);
    expect(await starts({ limit: 20, person: "inconnu" })).toEqual([]);
  });

  it("onThisDay: day-precision events of that month/day in earlier years", async () => {
    const a = await store.onThisDay(11, 27, 2025, 10);
    expect(a).toHaveLength(1);
    expect(a[0]).toMatchObject({ years: 1, entry: { start: "2024-11-27", curated: true, articleCount: 2 } });
    expect(await store.onThisDay(11, 27, 2024, 10)).toEqual([]);
    const may = await store.onThisDay(5, 29, 2024, 10);
    expect(may.map((x) => x.years)).toEqual([10]);
    expect((await store.onThisDay(3, 29, 2024, 10)).map((x) => x.years)).toEqual([30]);
    expect(await store.onThisDay(2, 1, 2026, 10)).toEqual([]);
  });

  it("topicCounts, speakers and stats", async () => {
    expect(await store.topicCounts()).toEqual([
      { slug: "diplomatie", articleCount: 2 },
      { slug: "economie", articleCount: 1 },
      { slug: "energie", articleCount: 1 },
    ]);
    expect(await store.speakers("tok", 10)).toEqual(["Kassym-Jomart Tokaïev"]);
    expect(await store.speakers("Serg", 10)).toEqual(["Sergueï Lavrov"]);
    expect(await store.speakers("pout", 10)).toEqual(["Vladimir Poutine"]);
    expect(await store.speakers("decl", 10)).toEqual(["la Déclaration"]);
    expect(await store.speakers("zzz", 10)).toEqual([]);
    expect(await store.stats()).toEqual({ articles: 4, stories: 2, quotes: 5, events: 7, sources: 2 });
  });
});
