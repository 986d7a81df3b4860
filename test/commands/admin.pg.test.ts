/**
 * The admin and subscriber commands on PostgreSQL (the `admin_settings` migration: Source.healthNotice,
 * Chat.uiLanguage, Article.seeded): sources add/pause/resume/remove, OPML import and its one-transaction
 * rollback, settings, subscriptions with filters, audit. Runs only under scripts/test-pg.sh (TEST_PG_URL).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChatRef, UserRef } from "../../src/core/command.ts";
import { replyText } from "../../src/core/reply.ts";
import { counts, startWorld, type World } from "../helpers/command-world.ts";
import { freshDatabase, type TestDatabase } from "../store/backends.ts";

const group: ChatRef = { platform: "telegram", id: "-100555", type: "supergroup", title: "Veille" };
const dm: ChatRef = { platform: "telegram", id: "4242", type: "private" };
const owner: UserRef = { id: "4242", isAdmin: async () => true, isOwner: async () => true };
const chatAdmin: UserRef = { id: "1001", isAdmin: async () => true, isOwner: async () => false };
const member: UserRef = { id: "1002", isAdmin: async () => false, isOwner: async () => false };

const opml = (body: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><opml version="2.0"><head><title>Flux</title></head><body>${body}</body></opml>`;

describe.skipIf(!process.env.TEST_PG_URL)("admin commands on PostgreSQL", () => {
  let tdb: TestDatabase;
  let w: World;
  const run = async (command: string, args: string, user: UserRef, chat: ChatRef = group) =>
    replyText(await w.core.handle({ command, args, lang: "fr", chat, user }));

  beforeAll(async () => {
    tdb = await freshDatabase("postgresql");
    w = await startWorld({ databaseUrl: tdb.url });
  });
  afterAll(async () => {
    await w?.close();
    await tdb?.drop();
  });

  it("adds a source with a preview and seeds its history (Article.seeded)", async () => {
    const r = await run("addsource", `${w.feeds.base}/feed.xml énergie`, owner, dm);
    expect(r).toContain("Source ajoutée : Steppe Info");
    const [src] = await w.store.listSources();
    expect(src).toMatchObject({ addedBy: "telegram:4242", topics: ["energie"] });
    expect((await w.store.stats()).articles).toBe(3);
    const digest = await w.store.storiesArrived(new Date(0), new Date("2100-01-01"), [], 10);
    expect(digest.total).toBe(0);
  });

  it("pauses, resumes and removes; members are refused and nothing changes", async () => {
    const id = String((await w.store.listSources())[0]?.id);
    const before = await counts(w.store);
    expect(await run("pausesource", id, member)).toContain("réservée");
    expect(await counts(w.store)).toEqual(before);
    await run("pausesource", id, owner, dm);
    expect((await w.store.getSource(Number(id)))?.paused).toBe(true);
    await run("resumesource", id, owner, dm);
    expect((await w.store.getSource(Number(id)))?.paused).toBe(false);
    await w.store.setHealthNotice(Number(id), "warn");
    expect(await run("removesource", id, owner, dm)).toContain(id);
    expect(await w.store.listSources()).toEqual([]);
  });

  it("imports OPML in one transaction: malformed or failing files store nothing", async () => {
    const entries = [
      { url: "https://steppe-info.test/rss", title: "Steppe Info", topics: ["energie"] },
      { url: "https://volga.test/rss", title: "Volga", topics: [] },
    ];
    expect(await w.store.importSources(entries, "telegram:4242")).toEqual({ added: 2, existing: 0 });
    // A failure on the third entry rolls back the two before it.
    const bad = [
      { url: "https://kaspi.test/rss", title: "Kaspi", topics: [] },
      { url: "https://aral.test/rss", title: "Aral", topics: [] },
      { url: null as unknown as string, title: "Cassé", topics: [] },
    ];
    await expect(w.store.importSources(bad, "telegram:4242")).rejects.toThrow();
    expect((await w.store.listSources()).map((s) => s.url).sort()).toEqual([
      "https://steppe-info.test/rss",
      "https://volga.test/rss",
    ]);
    const again = await w.store.importSources(
      [...entries, { url: "https://aral.test/rss", title: null, topics: [] }],
      null,
    );
    expect(again).toEqual({ added: 1, existing: 2 });
    // Malformed OPML from the chat: a clear message and nothing stored.
    const before = await counts(w.store);
    const r = await w.core.handle({
      command: "importsources",
      args: "",
      lang: "fr",
      chat: dm,
      user: owner,
      attachment: { filename: "flux.opml", size: 60, fetch: async () => opml('<outline xmlUrl="https://x.test/rss">') },
    });
    expect(replyText(r)).toContain("OPML");
    expect(await counts(w.store)).toEqual(before);
  });

  it("stores chat settings (uiLanguage, time zone, quiet hours) and reschedules the chat's subscriptions", async () => {
    await run("subscribe", "revue énergie 07:30", chatAdmin);
    const [sub] = await w.store.subscriptionsOfChat("telegram", group.id);
    await w.store.setNextDue(sub?.id ?? 0, null, new Date("2026-11-23T06:30:00Z"));
    expect(await run("settings", "timezone Asia/Almaty", member)).toContain("administrateurs");
    await run("settings", "timezone Asia/Almaty", chatAdmin);
    await run("settings", "quiet 22:00-07:00", chatAdmin);
    await run("settings", "language en", chatAdmin);
    expect(await w.store.chatSettings.get(group)).toEqual({
      language: "en",
      timezone: "Asia/Almaty",
      quietStart: "22:00",
      quietEnd: "07:00",
    });
    expect(await w.store.chatLanguage(group)).toBe("en");
    const after = await w.store.getSubscription(sub?.id ?? 0);
    expect(after).toMatchObject({ timezone: "Asia/Almaty", nextDueAt: null, language: "en" });
    expect(after?.chat).toMatchObject({ quietStart: "22:00", quietEnd: "07:00" });
  });

  it("keeps subscription filters and shows them in /subscriptions", async () => {
    const [sub] = await w.store.subscriptionsOfChat("telegram", group.id);
    const r = await run("filter", `${sub?.id} +Tokaïev -sport`, chatAdmin);
    expect(r).toContain("Tokaïev");
    expect(await w.store.filterOf(sub?.id ?? 0)).toEqual({ include: ["Tokaïev"], exclude: ["sport"] });
    expect((await w.store.getSubscription(sub?.id ?? 0))?.terms).toEqual({ include: ["Tokaïev"], exclude: ["sport"] });
    const list = await run("subscriptions", "", member);
    expect(list).toContain("Tokaïev");
    expect(list).toContain("sport");
  });

  it("records every admin action in the audit log, viewable per chat", async () => {
    const all = await w.store.audit.latest(100);
    const actions = all.map((e) => e.action);
    for (const a of ["source.add", "source.pause", "source.resume", "source.remove", "settings.update"]) {
      expect(actions).toContain(a);
    }
    const mine = await w.store.audit.latest(100, { platform: "telegram", chatId: group.id });
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((e) => e.chatId === group.id)).toBe(true);
    expect(mine[0]?.at.getTime()).toBeGreaterThanOrEqual(mine[mine.length - 1]?.at.getTime() ?? 0);
    expect(await run("audit", "", chatAdmin)).toContain("settings.update");
  });
});
