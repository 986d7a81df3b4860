/**
 * Source commands through the dispatcher on a real SQLite store and a feed server on 127.0.0.1: validation,
 * preview, seeding, SSRF refusals, bad documents, owner checks, health listing, pause/resume/remove, audit.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChatRef, UserRef } from "../../src/core/command.ts";
import { replyText } from "../../src/core/reply.ts";
import { counts, NOW, startWorld, type World } from "../helpers/command-world.ts";

const group: ChatRef = { platform: "telegram", id: "-1001", type: "group", title: "Veille" };
const owner: UserRef = { id: "4242", name: "owner", isAdmin: async () => true, isOwner: async () => true };
const chatAdmin: UserRef = { id: "1001", name: "admin", isAdmin: async () => true, isOwner: async () => false };
const member: UserRef = { id: "1002", name: "membre", isAdmin: async () => false, isOwner: async () => false };

let w: World;
beforeAll(async () => {
  w = await startWorld();
});
afterAll(async () => {
  await w?.close();
});

function run(command: string, args: string, user: UserRef = owner, chat: ChatRef = group, lang: "fr" | "en" = "fr") {
  return w.core.handle({ command, args, lang, chat, user });
}

describe("/addsource", () => {
  it("refuses a member and a chat admin who is not an owner, storing nothing", async () => {
    const before = await counts(w.store);
    const r1 = await run("addsource", `${w.feeds.base}/feed.xml`, member);
    expect(replyText(r1)).toBe("Cette commande est réservée aux administrateurs.");
    const r2 = await run("addsource", `${w.feeds.base}/feed.xml`, chatAdmin);
    expect(replyText(r2)).toBe("Cette commande est réservée aux propriétaires du bot.");
    expect(await counts(w.store)).toEqual(before);
    expect(w.feeds.hits).toEqual([]);
  });

  it.each([
    ["/page.html", "n'est pas un flux lisible (c'est une page HTML, pas un flux)"],
    ["/missing.xml", "Impossible de récupérer le flux (le serveur a répondu HTTP 404)"],
    ["/huge.xml", "Impossible de récupérer le flux (document trop volumineux, plus de"],
    ["/to-private", "Adresse refusée (10.0.0.7 correspond à une adresse interdite : réseau privé)"],
    ["/to-metadata", "Adresse refusée (169.254.169.254 correspond à une adresse interdite : lien local, dont les"],
  ])("answers %s clearly and stores nothing", async (path, message) => {
    const before = await counts(w.store);
    const r = await run("addsource", `${w.feeds.base}${path}`);
    expect(r.kind).toBe("error");
    expect(replyText(r)).toContain(message);
    expect(replyText(r)).not.toContain("réf.");
    expect(await counts(w.store)).toEqual(before);
  });

  it("refuses a URL that is not http(s)", async () => {
    const r = await run("addsource", "file:///etc/passwd");
    expect(replyText(r)).toBe("Adresse invalide : « file:///etc/passwd ». Seules les adresses http(s) sont acceptées.");
  });

  it("previews, stores and seeds a feed; the seeded history never reaches digests", async () => {
    const r = await run("addsource", `${w.feeds.base}/feed.xml énergie`);
    const text = replyText(r);
    expect(r.title).toBe("Source ajoutée : Steppe Info");
    expect(text).toContain("Langue détectée : fr · 3 articles dans le flux");
    // newest first
    expect(text.indexOf("Tokaïev reçoit")).toBeLessThan(text.indexOf("Astana et Moscou"));
    expect(text.indexOf("Astana et Moscou")).toBeLessThan(text.indexOf("exportations de céréales"));
    expect(text).toContain("3 articles de l'historique ont été archivés sans être publiés");
    const [source] = await w.store.listSources();
    expect(source).toMatchObject({
      title: "Steppe Info",
      topics: ["energie"],
      addedBy: "telegram:-1001",
      etag: '"v1"',
    });
    expect(source?.nextFetchAt?.getTime()).toBeGreaterThan(w.clock.now().getTime());
    expect((await w.store.stats()).articles).toBe(3);
    const arrived = await w.store.storiesArrived(new Date(0), new Date("2100-01-01"), [], 50);
    expect(arrived.total).toBe(0);
    const [entry] = await w.store.audit.latest(1);
    expect(entry).toMatchObject({ action: "source.add", userId: "4242", chatId: "-1001", platform: "telegram" });
  });

  it("says when a source is already followed", async () => {
    const r = await run("addsource", `${w.feeds.base}/feed.xml`);
    expect(replyText(r)).toMatch(/^Cette source est déjà suivie \(n° \d+\)/);
    expect((await w.store.listSources()).length).toBe(1);
  });

  it("suggests a topic when one is misspelt", async () => {
    const r = await run("addsource", `${w.feeds.base}/other.xml enrgie`);
    expect(replyText(r)).toContain("Vouliez-vous dire");
    expect((await w.store.listSources()).length).toBe(1);
  });
});

describe("/sources, /pausesource, /resumesource, /removesource", () => {
  it("lists health for admins, refuses members", async () => {
    expect(replyText(await run("sources", "", member))).toBe("Cette commande est réservée aux administrateurs.");
    const [s] = await w.store.listSources();
    if (!s) throw new Error("no source");
    await w.store.recordFetchFailure(s.id, {
      at: new Date("2026-11-22T09:00:00Z"),
      error: "HTTP 503 (server unavailable)",
      nextFetchAt: new Date("2026-11-22T10:05:00Z"),
      disable: false,
    });
    const text = replyText(await run("sources", "", chatAdmin, group, "en"));
    expect(text).toContain(`#${s.id} Steppe Info — failing`);
    expect(text).toContain("last success: ");
    expect(text).toContain("1 failure in a row");
    expect(text).toContain("next try: ");
    expect(text).toContain("last error: HTTP 503 (server unavailable)");
  });

  it("says why the last poll failed in the reader's language, as the health notice does", async () => {
    const added = await w.store.addSource({ url: `${w.feeds.base}/feed.xml`.replace("feed.xml", "other.xml") });
    // A real poll through the pipeline: this ingestor has no loopback exception, so the address is refused.
    const summary = await w.ingestor.ingestSource(added);
    expect(summary.fetchFailed).toBe(true);
    const stored = await w.store.getSource(added.id);
    expect(stored?.lastError).toMatch(/loopback/);
    const fr = replyText(await run("sources", "", chatAdmin, group, "fr"));
    expect(fr).toContain("dernière erreur : 127.0.0.1 correspond à une adresse interdite : bouclage local");
    expect(fr).not.toMatch(/resolves to|loopback/);
    const en = replyText(await run("sources", "", chatAdmin, group, "en"));
    expect(en).toContain("last error: 127.0.0.1");
    expect(en).toContain("loopback");
    // a success clears both the English text and the reason
    await w.store.recordFetchSuccess(added.id, { at: NOW, etag: null, lastModified: null, nextFetchAt: NOW });
    expect(await w.store.getSource(added.id)).toMatchObject({ lastError: null, lastErrorReason: null });
    await w.store.removeSource(added.id);
  });

  it("pauses, resumes and removes by number or URL (owners only), recording each action", async () => {
    const [s] = await w.store.listSources();
    if (!s) throw new Error("no source");
    expect(replyText(await run("pausesource", String(s.id), chatAdmin))).toContain("propriétaires");
    expect((await w.store.getSource(s.id))?.paused).toBe(false);
    expect(replyText(await run("pausesource", String(s.id)))).toBe(`Source n° ${s.id} mise en pause (Steppe Info).`);
    expect((await w.store.getSource(s.id))?.paused).toBe(true);
    expect(replyText(await run("sources", ""))).toContain("en pause");
    expect(replyText(await run("resumesource", s.url))).toContain("reprise");
    expect((await w.store.getSource(s.id))?.paused).toBe(false);
    expect(replyText(await run("removesource", "999"))).toBe("Source introuvable : « 999 ». Voir /sources.");
    expect(replyText(await run("removesource", ""))).toContain("Indiquez le numéro ou l'adresse");
    expect(replyText(await run("removesource", String(s.id)))).toContain("Ses articles restent dans l'archive");
    expect(await w.store.getSource(s.id)).toBeNull();
    expect((await w.store.stats()).articles).toBe(3);
    const actions = (await w.store.audit.latest(10)).map((e) => e.action);
    expect(actions.slice(0, 3)).toEqual(["source.remove", "source.resume", "source.pause"]);
  });
});

describe("SSRF allowlist", () => {
  it("refuses loopback when 127.0.0.1 is not allowlisted", async () => {
    const strict = await startWorld({ allowLoopback: false });
    try {
      const r = await strict.core.handle({
        command: "addsource",
        args: `${strict.feeds.base}/feed.xml`,
        lang: "en",
        chat: group,
        user: owner,
      });
      expect(replyText(r)).toContain("Address refused (127.0.0.1 resolves to a forbidden address: loopback)");
      const fr = await strict.core.handle({
        command: "addsource",
        args: `${strict.feeds.base}/feed.xml`,
        lang: "fr",
        chat: group,
        user: owner,
      });
      expect(replyText(fr)).toContain(
        "Adresse refusée (127.0.0.1 correspond à une adresse interdite : bouclage local)",
      );
      expect(replyText(fr)).not.toMatch(/resolves|loopback address/);
      expect(strict.feeds.hits).toEqual([]);
      expect((await strict.store.listSources()).length).toBe(0);
    } finally {
      await strict.close();
    }
  });
});
