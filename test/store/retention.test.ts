/**
 * Archive retention (ARCHIVE_KEEP_DAYS) in the store: old article bodies are emptied, everything a reader meets
 * about old articles stays — quotes, anniversaries, timelines, titles in search — on both databases, and
 * several processes pruning at once empty each body once.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/core/logger.ts";
import { saveArticle } from "../../src/core/store.ts";
import { createDb } from "../../src/store/db.ts";
import { createStore, type Store } from "../../src/store/index.ts";
import { backends, freshDatabase, type TestDatabase } from "./backends.ts";
import { analysis, event, hash, input, person, quote } from "./builder.ts";

const CUTOFF = new Date("2024-01-01T00:00:00Z");

describe.each(backends)("pruning old article bodies on %s", (backend) => {
  let tdb: TestDatabase;
  let store: Store;
  const ids: Record<string, number> = {};

  async function save(key: string, title: string, text: string, publishedAt: Date | null, extra = {}) {
    const r = await saveArticle(store, {
      input: input({ title, url: `https://retention.example/${key}`, publishedAt }),
      analysis: analysis({ title, text, publishedAt: publishedAt?.toISOString() ?? null, ...extra }),
      contentHash: hash(text),
      storyId: null,
    });
    ids[key] = r.articleId;
  }

  async function bodies(): Promise<Record<string, string>> {
    const { db } = await createDb(tdb.url);
    try {
      const rows = await db.article.findMany({ select: { id: true, body: true } });
      const byId = new Map(rows.map((r) => [r.id, r.body]));
      return Object.fromEntries(Object.entries(ids).map(([k, id]) => [k, byId.get(id) ?? "(missing)"]));
    } finally {
      await db.$disconnect();
    }
  }

  beforeAll(async () => {
    tdb = await freshDatabase(backend);
    store = await createStore(tdb.url, silentLogger);
    await save(
      "old",
      "Gazoduc transcaspien : accord signé à Astana",
      "Le ministre a salué un partenariat steppique durable. « Nous tiendrons parole », a déclaré Tokaïev.",
      new Date("2019-03-12T09:00:00Z"),
      {
        people: [person("Kassym-Jomart Tokaïev", ["Tokaïev"])],
        quotes: [quote("Nous tiendrons parole", "Kassym-Jomart Tokaïev")],
        events: [event("2019-03-12", "le 12 mars 2019", "Accord sur le gazoduc transcaspien")],
      },
    );
    await save(
      "older",
      "Corridor ferroviaire : les travaux commencent",
      "Les ingénieurs décrivent un chantier steppique immense.",
      new Date("2016-06-01T09:00:00Z"),
    );
    await save(
      "recent",
      "Corridor ferroviaire : premier train",
      "Un convoi steppique a franchi la frontière.",
      new Date("2025-06-01T09:00:00Z"),
    );
    // Undated: its age is the day it was stored (today), so it is kept.
    await save("undated", "Note sans date", "Une note steppique sans date de publication.", null);
  });
  afterAll(async () => {
    await store.close();
    await tdb.drop();
  });

  it("empties only the bodies older than the cutoff, and a second run finds nothing left", async () => {
    const r = await store.pruneArticleBodies(CUTOFF);
    expect(r.pruned).toBe(2);
    expect(r.before).toEqual(CUTOFF);
    const b = await bodies();
    expect(b.old).toBe("");
    expect(b.older).toBe("");
    expect(b.recent).toContain("convoi steppique");
    expect(b.undated).toContain("note steppique");
    expect((await store.pruneArticleBodies(CUTOFF)).pruned).toBe(0);
  });

  it("keeps quotes, anniversaries and timelines of pruned articles", async () => {
    const q = await store.quotes({ speaker: "Tokaïev", limit: 10 });
    expect(q.map((x) => x.text)).toContain("Nous tiendrons parole");
    const day = await store.onThisDay(3, 12, 2026, 10);
    expect(day.map((e) => e.entry.summary)).toContain("Accord sur le gazoduc transcaspien");
    const tl = await store.timeline({ keyword: "gazoduc", limit: 10 });
    expect(tl.map((e) => e.summary)).toContain("Accord sur le gazoduc transcaspien");
  });

  it("search still finds pruned articles by their title, no longer by their old body", async () => {
    const byTitle = await store.search("gazoduc transcaspien", 10);
    expect(byTitle.map((h) => h.title)).toContain("Gazoduc transcaspien : accord signé à Astana");
    const byBody = await store.search("steppique", 10);
    expect(byBody.map((h) => h.title).sort()).toEqual(["Corridor ferroviaire : premier train", "Note sans date"]);
  });

  it.runIf(backend === "postgresql")("two processes pruning at once empty each body once", async () => {
    await save("p1", "Port d'Aktaou agrandi", "Un quai steppique neuf.", new Date("2018-01-01T00:00:00Z"));
    await save("p2", "Port d'Aktaou : grue", "Une grue steppique livrée.", new Date("2018-02-01T00:00:00Z"));
    const other = await createStore(tdb.url, silentLogger, { migrate: false });
    try {
      const [a, b] = await Promise.all([store.pruneArticleBodies(CUTOFF), other.pruneArticleBodies(CUTOFF)]);
      expect(a.pruned + b.pruned).toBe(2);
      const after = await bodies();
      expect([after.p1, after.p2]).toEqual(["", ""]);
    } finally {
      await other.close();
    }
  });
});
