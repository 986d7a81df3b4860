/**
 * Pure parts (OPML reader/writer, filter parsing and matching) and store/notifier units on a fresh SQLite
 * store: all-or-nothing OPML import, the health notices sent once per change.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChatRef } from "../../src/core/command.ts";
import { silentLogger } from "../../src/core/logger.ts";
import type { SendResult } from "../../src/core/platform.ts";
import { type Reply, replyText } from "../../src/core/reply.ts";
import { matchesFilter, parseFilter } from "../../src/digest/filter.ts";
import { buildOpml, parseOpml } from "../../src/ingest/opml.ts";
import { createSourceHealthNotifier } from "../../src/schedule/source-health.ts";
import { createStore, type Store } from "../../src/store/index.ts";

const OPML = `<?xml version="1.0"?>
<opml version="2.0"><head><title>Veille</title></head><body>
  <outline text="Asie centrale">
    <outline text="Steppe &amp; Co" type="rss" xmlUrl="https://steppe.example/rss" category="/energie,/Politique"/>
    <outline title="Kazinform FR" xmlUrl="https://kaz.example/fr/feed"/>
  </outline>
</body></opml>`;

describe("OPML", () => {
  it("reads nested outlines with titles and categories, and round-trips through the writer", () => {
    const entries = parseOpml(OPML);
    expect(entries).toEqual([
      { url: "https://steppe.example/rss", title: "Steppe & Co", categories: ["energie", "Politique"] },
      { url: "https://kaz.example/fr/feed", title: "Kazinform FR", categories: [] },
    ]);
    const written = buildOpml([{ url: "https://steppe.example/rss", title: "Steppe & Co", topics: ["energie"] }]);
    expect(parseOpml(written)).toEqual([
      { url: "https://steppe.example/rss", title: "Steppe & Co", categories: ["energie"] },
    ]);
  });

  it.each([
    ["<opml><body><outline xmlUrl='https://a.example/rss'></body></opml>", "unexpected </body>"],
    ["<opml><body><outline xmlUrl='https://a.example/rss?a=1&b=2'/></body></opml>", "unescaped '&'"],
    ["<rss><channel/></rss>", "the root element is <rss>"],
    ["<!DOCTYPE x [<!ENTITY a 'b'>]><opml/>", "DTDs and entity declarations"],
    ["<opml><body><outline xmlUrl='file:///etc/passwd'/></body></opml>", "only http(s) feeds"],
    ["<opml><body><outline text='vide'/></body></opml>", "lists no feed"],
    ["<opml><body>", "is never closed"],
    ["not xml at all", "text outside the root element"],
  ])("refuses %s", (xml, message) => {
    expect(() => parseOpml(xml)).toThrow(message);
  });
});

describe("filters", () => {
  it("parses signed terms with quotes and refuses unsigned ones", () => {
    expect(parseFilter('+Tokaïev -sport +"Union eurasiatique"')).toEqual({
      ok: true,
      filter: { include: ["Tokaïev", "Union eurasiatique"], exclude: ["sport"] },
    });
    expect(parseFilter("Tokaïev")).toEqual({ ok: false, problem: "badTerm", value: "Tokaïev" });
  });

  it("matches accent- and case-insensitively at word starts, never as regular expressions", () => {
    const f = { include: ["Tokaïev"], exclude: ["sport"] };
    expect(matchesFilter("TOKAIEV reçoit Poutine", f)).toBe(true);
    expect(matchesFilter("Tokaïev au match: le sportif kazakh", f)).toBe(false);
    expect(matchesFilter("Accord gazier à Astana", f)).toBe(false);
    expect(matchesFilter("Les transports reprennent", { include: [], exclude: ["sport"] })).toBe(true);
    expect(matchesFilter("n'importe quoi", { include: [], exclude: [] })).toBe(true);
    expect(matchesFilter(`${"a".repeat(50_000)}!`, f)).toBe(false);
    // regex syntax in a term is plain text
    expect(matchesFilter("a aaaa", { include: ["(a+)+b"], exclude: [] })).toBe(false);
  });
});

describe("store and notifier on SQLite", () => {
  let dir: string;
  let store: Store;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "newsbot-admin-unit-"));
    store = await createStore(`file:${join(dir, "t.db")}`, silentLogger);
  });
  afterAll(async () => {
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("imports OPML entries in one transaction: a failure stores none of them", async () => {
    const entries = [
      { url: "https://a.example/rss", title: "A", topics: [] },
      { url: "https://b.example/rss", title: "B", topics: ["energie"] },
    ];
    const broken = [...entries, { url: "https://c.example/rss", topics: [], title: 42 as unknown as string }];
    await expect(store.importSources(broken, "cli")).rejects.toThrow();
    expect(await store.listSources()).toEqual([]);
    expect(await store.importSources(entries, "cli")).toEqual({ added: 2, existing: 0 });
    expect(await store.importSources(entries, "cli")).toEqual({ added: 0, existing: 2 });
  });

  it("warns the adding chat once, then announces the recovery once", async () => {
    const s = await store.addSource({
      url: "https://failing.example/rss",
      title: "Flux fragile",
      addedBy: "telegram:-100200300:77",
    });
    const sent: Array<{ target: ChatRef; reply: Reply }> = [];
    const day = 86_400_000;
    let now = new Date(s.createdAt.getTime() + day);
    const notifier = createSourceHealthNotifier({
      sources: store,
      send: async (target, reply): Promise<SendResult> => {
        sent.push({ target, reply });
        return { ok: true, messageIds: ["1"] };
      },
      clock: { now: () => now },
      logger: silentLogger,
    });
    await store.recordFetchFailure(s.id, { at: now, error: "HTTP 500", nextFetchAt: now, disable: false });
    await notifier.check();
    expect(sent).toEqual([]); // failing for a day: not yet a warning
    now = new Date(s.createdAt.getTime() + 4 * day + 60_000);
    // the stored reason, not the English text, makes the notice (in the chat's language: French by default)
    const reason = { key: "reason.http" as const, params: { status: 500 } };
    await store.recordFetchFailure(s.id, { at: now, error: "HTTP 500", reason, nextFetchAt: now, disable: false });
    expect(await notifier.check()).toMatchObject({ warned: 1 });
    expect(await notifier.check()).toMatchObject({ warned: 0 });
    expect(sent).toHaveLength(1);
    expect(sent[0]?.target).toMatchObject({ platform: "telegram", id: "-100200300", threadId: "77" });
    expect(replyText(sent[0]?.reply as Reply)).toContain(
      "La source « Flux fragile » échoue depuis 4 jours (le serveur a répondu HTTP 500)",
    );
    await store.recordFetchSuccess(s.id, { at: now, etag: null, lastModified: null, nextFetchAt: now });
    expect(await notifier.check()).toMatchObject({ recovered: 1 });
    expect(replyText(sent[1]?.reply as Reply)).toBe("✅ La source « Flux fragile » fonctionne de nouveau.");
    expect(await notifier.check()).toMatchObject({ recovered: 0 });
    expect(sent).toHaveLength(2);
  });
});
