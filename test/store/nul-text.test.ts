/**
 * NUL characters (U+0000) in text: PostgreSQL refuses them in text columns, SQLite stores them. Both
 * databases must behave the same, wherever the text comes from: a chat argument (/addevent, /pausesource),
 * an article, a search. They are removed at the driver boundary (src/store/clean-text.ts), so a command gets
 * its normal answer instead of an internal error, and what is stored reads back the same on both databases.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChatRef, UserRef } from "../../src/core/command.ts";
import { replyText } from "../../src/core/reply.ts";
import { saveArticle } from "../../src/core/store.ts";
import { startWorld, type World } from "../helpers/command-world.ts";
import { backends, freshDatabase, type TestDatabase } from "./backends.ts";
import { analysis, hash, input } from "./builder.ts";

const dm: ChatRef = { platform: "telegram", id: "4242", type: "private" };
const owner: UserRef = { id: "4242", isAdmin: async () => true, isOwner: async () => true };

describe.each(backends)("NUL characters on %s", (backend) => {
  let tdb: TestDatabase;
  let w: World;
  const run = async (command: string, args: string) =>
    replyText(await w.core.handle({ command, args, lang: "fr", chat: dm, user: owner }));

  beforeAll(async () => {
    tdb = await freshDatabase(backend);
    w = await startWorld({ databaseUrl: tdb.url });
  });
  afterAll(async () => {
    await w?.close();
    await tdb?.drop();
  });

  it("/addevent with a NUL in its text stores the event without it", async () => {
    const r = await run("addevent", "2020-01-01 Accord sur le tran\0sit du gaz");
    expect(r).not.toMatch(/erreur interne|référence|internal/i);
    const events = await w.store.timeline({ from: "2020-01-01", to: "2020-01-01", limit: 10 });
    expect(events.map((e) => e.summary)).toEqual(["Accord sur le transit du gaz"]);
    expect(w.logger.entries.filter((e) => e.level === "error")).toEqual([]);
  });

  it("/pausesource with a NUL answers 'not found' like any unknown source, and finds the source without it", async () => {
    const notFound = await run("pausesource", "a\0b");
    expect(notFound).toContain("Source introuvable");
    await w.store.addSource({ url: "https://steppe-info.test/r\0ss" });
    const [src] = await w.store.listSources();
    expect(src?.url).toBe("https://steppe-info.test/rss");
    expect(await run("pausesource", "https://steppe-info.test/r\0ss")).not.toContain("introuvable");
    expect((await w.store.getSource(src?.id ?? 0))?.paused).toBe(true);
    expect(w.logger.entries.filter((e) => e.level === "error")).toEqual([]);
  });

  it("stores an article with NUL in its title, text and URL without them", async () => {
    const title = "Astana et Moscou\0 relancent le corridor nord-sud";
    const text = `${title}\n\nLes deux capitales ont signé\0 un protocole sur le fret ferroviaire.`;
    const r = await saveArticle(w.store, {
      input: input({ title, url: "https://steppe-info.test/a/\0corridor" }),
      analysis: analysis({ title, text }),
      contentHash: hash(text),
      storyId: null,
    });
    expect(r.status).toBe("inserted");
    const hits = await w.store.search("corridor\0", 5);
    expect(hits.map((h) => [h.title, h.url])).toEqual([
      ["Astana et Moscou relancent le corridor nord-sud", "https://steppe-info.test/a/corridor"],
    ]);
  });

  it("stores a batch of articles (one JSON parameter per statement) with NUL in titles and quotes without them", async () => {
    const titles = ["Le port d'Aktaou\0 agrandit son terminal", "Orenbourg\0 et Ouralsk\0 ouvrent un poste-frontière"];
    const saved = await w.store.saveBatch(
      titles.map((title, i) => ({
        input: input({ title, url: `https://steppe-info.test/b/${i}\0` }),
        analysis: analysis({
          title,
          text: `${title}\ncorps`,
          quotes: [{ text: title, speaker: null, position: 0 }],
        }),
        contentHash: hash(`batch ${i}`),
        storyId: null,
      })),
    );
    expect(saved?.map((s) => s.status)).toEqual(["inserted", "inserted"]);
    const latest = await w.store.quotes({ keyword: "Aktaou", limit: 5 });
    expect(latest.map((q) => q.text)).toEqual(["Le port d'Aktaou agrandit son terminal"]);
    const hits = await w.store.search("Ouralsk", 5);
    expect(hits.map((h) => [h.title, h.url])).toEqual([
      ["Orenbourg et Ouralsk ouvrent un poste-frontière", "https://steppe-info.test/b/1"],
    ]);
  });
});
