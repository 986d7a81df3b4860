/** An item with no date anywhere is stored undated and /latest says "undated, first seen", never a bare "today". */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/core/logger.ts";
import { replyText } from "../../src/core/reply.ts";
import { createStore, type Store } from "../../src/store/index.ts";
import { testCore } from "../fakes/services.ts";
import { freshDatabase, type TestDatabase } from "../store/backends.ts";
import { fakeClock, fakeIngestor, fixture } from "./helpers.ts";

describe("undated items in /latest", () => {
  let tdb: TestDatabase;
  let store: Store;
  beforeAll(async () => {
    tdb = await freshDatabase("sqlite");
    store = await createStore(tdb.url, silentLogger);
    const clock = fakeClock("2026-12-02T10:00:00Z");
    const ingestor = fakeIngestor({ sources: store, articles: store, clock });
    await ingestor.ingestFeedXml(fixture("feeds/undated-items.xml"));
    await ingestor.ingestFeedXml(fixture("feeds/undated-feed.xml"));
  });
  afterAll(async () => {
    await store?.close();
    await tdb?.drop();
  });

  it("marks the story whose articles give no date as first seen, and only that one", async () => {
    const lines = await store.latest({ limit: 10 });
    const byTitle = new Map(lines.map((l) => [l.title, l]));
    expect(byTitle.get("Note sans date")?.firstSeen).toBe(true);
    // the item without its own date took the feed's date: a publication date, not a first-seen one
    expect(byTitle.get("Brève sans date ni lien")?.firstSeen).toBe(false);
    expect(byTitle.get("Brève sans date ni lien")?.publishedAt?.toISOString()).toBe("2024-03-08T16:00:00.000Z");
  });

  it("/latest says so in French and in English", async () => {
    const core = testCore({ queries: store, now: new Date("2026-12-02T10:00:00Z") });
    const chat = { platform: "console" as const, id: "c1", type: "private" as const };
    const user = { id: "u1", isAdmin: async () => false };
    const fr = replyText(await core.handle({ command: "latest", args: "", lang: "fr", chat, user }));
    const noteFr = fr.split("\n").find((l) => l.includes("Note sans date"));
    expect(noteFr).toMatch(/non daté, vu le /);
    expect(fr.split("\n").find((l) => l.includes("Brève sans date ni lien"))).not.toMatch(/vu le/);
    const en = replyText(await core.handle({ command: "latest", args: "", lang: "en", chat, user }));
    expect(en.split("\n").find((l) => l.includes("Note sans date"))).toMatch(/undated, first seen /);
  });
});
